/**
 * Guesses which column plays which role, first by header (English and French), then by content
 * (dates, integers, money, identifiers). The pane shows the guess and the user corrects it.
 */
import type { CellValue } from "../sheet-data";
import { Cell, idKey, isBlankCell } from "./cells";
import type { ColumnMapping, DataShape } from "./types";

type Role = keyof ColumnMapping;

/** Lower case, accents removed, anything not a letter or digit as one space. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Header patterns per role, strongest first. Matched against the normalized header as whole words.
 * "montant moyen" must win over "montant", so monetary is tried before amount.
 */
const HEADER_PATTERNS: readonly [Role, readonly RegExp[]][] = [
  [
    "customerId",
    [
      /^(customer|client|cust|member|account|buyer|acheteur)( ?(id|no|number|code|key|ref|nr|num|numero))?$/,
      /^(id|no|n|num|numero|code|ref|identifiant)( ?(customer|client|cust))?$/,
      /\b(customer|client)s? ?(id|no|number|code|key)\b/,
      /\b(id|code|numero|identifiant) client\b/,
      /\bcustomer\b|\bclient\b/,
      /\bid\b/,
    ],
  ],
  ["recency", [/\b(recency|recence)\b/, /\bdays? since\b|\bjours? depuis\b/, /\blast purchase\b|\bdernier achat\b/]],
  [
    "frequency",
    [
      /\b(frequency|frequence|freq)\b/,
      /\b(number|nb|nombre|nbre|count) (of |de |d )?(purchases|orders|achats|commandes|transactions)\b/,
      /^(purchases|orders|achats|commandes|transactions)$/,
    ],
  ],
  [
    "monetary",
    [
      /\b(monetary|monetaire)\b/,
      /\b(montant|panier|depense) moyen(ne)?\b/,
      /\b(average|avg|mean) (spend|amount|order|basket|order value)\b/,
      /\baov\b/,
    ],
  ],
  [
    "date",
    [
      /^(order |purchase |transaction |invoice |sale )?date( (of )?(order|purchase|transaction|achat|commande|facture|vente))?$/,
      /\bdate\b/,
      /^(jour|day|invoice ?date|timestamp)$/,
    ],
  ],
  [
    "amount",
    [
      /^(amount|montant|ca|sales|revenue|spend|total|price|prix|ventes|chiffre d affaires)( (ht|ttc|eur|usd|total))?$/,
      /\b(amount|montant|revenue|sales|chiffre d affaires)\b/,
      /\bca\b/,
    ],
  ],
  [
    "firstPurchase",
    [
      /\b(first|premier|premiere) (purchase|order|achat|commande|transaction)s?( date)?\b/,
      /\bdate (du |de la |of )?(first|premier|premiere) (purchase|order|achat|commande|transaction)\b/,
      /\b(first seen|customer since|client depuis|date d acquisition|acquisition date|date de creation)\b/,
    ],
  ],
  [
    "lastPurchase",
    [
      /\b(last|latest|dernier|derniere) (purchase|order|achat|commande|transaction)s?( date)?\b/,
      /\bdate (du |de la |of )?(last|latest|dernier|derniere) (purchase|order|achat|commande|transaction)\b/,
      /\b(last seen|vu pour la derniere fois)\b/,
    ],
  ],
  ["value", [/\b(clv|vvc|ltv|cltv)\b/, /\b(lifetime value|valeur vie client|valeur client)\b/, /^(value|valeur)$/]],
];

/** What a column's sample looks like. */
export type ColumnKind = "empty" | "date" | "integer" | "money" | "text";

/** Plausible purchase dates as Excel serials: 1 Jan 1970 to 31 Dec 2099. */
const PLAUSIBLE_DATE = { min: 25569, max: 73050 };

export function sniffColumn(values: readonly Cell[]): ColumnKind {
  let filled = 0;
  let numbers = 0;
  let integers = 0;
  let dates = 0;
  for (const value of values) {
    if (isBlankCell(value)) continue;
    filled++;
    if (typeof value !== "number") continue;
    numbers++;
    if (Number.isInteger(value)) integers++;
    if (value >= PLAUSIBLE_DATE.min && value <= PLAUSIBLE_DATE.max) dates++;
  }
  if (filled === 0) return "empty";
  if (numbers < filled * 0.9) return "text";
  if (dates === numbers) return "date";
  return integers === numbers ? "integer" : "money";
}

/** Every role a header may play, strongest first ("Days since last purchase": recency after last purchase date). */
function headerRoles(header: string): { role: Role; strength: number }[] {
  const normalized = normalizeHeader(header);
  const matches: { role: Role; strength: number }[] = [];
  for (const [role, patterns] of HEADER_PATTERNS) {
    const index = patterns.findIndex((pattern) => pattern.test(normalized));
    if (index < 0) continue;
    matches.push({ role, strength: patterns.length - index + (index === 0 ? 10 : 0) });
  }
  return matches.sort((a, b) => b.strength - a.strength);
}

const ROLE_KINDS: Record<Role, readonly ColumnKind[]> = {
  customerId: ["text", "integer"],
  date: ["date"],
  amount: ["money", "integer"],
  recency: ["integer", "money"],
  frequency: ["integer", "money"],
  monetary: ["money", "integer"],
  value: ["money", "integer"],
  firstPurchase: ["date"],
  lastPurchase: ["date"],
};

/**
 * The shape and mapping we guess for a table. `sample` is the first rows of data (a few hundred are plenty).
 * A role is only given a column whose content fits it (a "Date" column of text is not a date).
 */
export function suggestMapping(headers: string[], sample: CellValue[][]): { shape: DataShape; mapping: ColumnMapping } {
  const kinds = headers.map((_, column) => sniffColumn(sample.map((row) => row[column])));
  // Each header's strongest role whose content fits the column.
  const byHeader = headers.map(
    (header, column) =>
      headerRoles(header).find(
        (match) => ROLE_KINDS[match.role].includes(kinds[column]) || kinds[column] === "empty",
      ) ?? null,
  );
  const mapping: ColumnMapping = {};
  const used = new Set<number>();

  const assign = (role: Role, column: number) => {
    mapping[role] = headers[column];
    used.add(column);
  };

  // Strongest header matches first, so "Montant moyen" (monetary) is not also taken as an amount.
  const ranked = byHeader
    .map((match, column) => ({ match, column }))
    .filter((entry): entry is { match: { role: Role; strength: number }; column: number } => entry.match !== null)
    .sort((a, b) => b.match.strength - a.match.strength || a.column - b.column);
  for (const { match, column } of ranked) {
    if (mapping[match.role] !== undefined || used.has(column)) continue;
    if (!ROLE_KINDS[match.role].includes(kinds[column]) && kinds[column] !== "empty") continue;
    assign(match.role, column);
  }

  const repeats = (column: number) => {
    const seen = new Set<string>();
    for (const row of sample) {
      const value = row[column];
      if (isBlankCell(value)) continue;
      const id = idKey(value);
      if (seen.has(id)) return true;
      seen.add(id);
    }
    return false;
  };
  const firstFree = (fits: readonly ColumnKind[]) =>
    kinds.findIndex((kind, column) => !used.has(column) && fits.includes(kind));

  if (mapping.customerId === undefined) {
    const column = firstFree(["text", "integer"]);
    if (column >= 0) assign("customerId", column);
  }
  const idColumn = mapping.customerId === undefined ? -1 : headers.indexOf(mapping.customerId);
  const hasCustomerColumns =
    mapping.recency !== undefined ||
    mapping.frequency !== undefined ||
    mapping.firstPurchase !== undefined ||
    mapping.lastPurchase !== undefined;
  if (mapping.date === undefined && !hasCustomerColumns) {
    const column = firstFree(["date"]);
    if (column >= 0) assign("date", column);
  }
  const looksLikeLog = mapping.date !== undefined && !hasCustomerColumns && (idColumn < 0 || repeats(idColumn));
  const shape: DataShape = looksLikeLog ? "transactions" : "customers";

  if (shape === "transactions") {
    if (mapping.amount === undefined) {
      const column = firstFree(["money"]) >= 0 ? firstFree(["money"]) : firstFree(["integer"]);
      if (column >= 0) assign("amount", column);
    }
  } else if (mapping.amount !== undefined && mapping.monetary === undefined) {
    // In a customer table an "amount" column is the customer's spend.
    mapping.monetary = mapping.amount;
    delete mapping.amount;
  }
  if (shape === "customers" && mapping.value === undefined) {
    const column = firstFree(["money"]);
    if (column >= 0) assign("value", column);
  }
  return { shape, mapping };
}

/** How many rows suggestMapping is given by sampleRows: enough to see repeats in a log, cheap on a million rows. */
export const SAMPLE_SIZE = 1000;

/**
 * Rows from across the whole table: the first and the last, and the rest evenly spread between them, in table
 * order. A log sorted by date has distinct customers in its first rows; its spread rows show the repeat buyers.
 */
export function sampleRows<T>(rows: readonly T[], size = SAMPLE_SIZE): T[] {
  if (rows.length <= size) return [...rows];
  const ends = Math.floor(size / 5);
  const picked: T[] = rows.slice(0, ends);
  const middle = size - 2 * ends;
  const span = rows.length - 2 * ends;
  for (let k = 0; k < middle; k++) picked.push(rows[ends + Math.floor(((k + 0.5) * span) / middle)]);
  for (let i = rows.length - ends; i < rows.length; i++) picked.push(rows[i]);
  return picked;
}

/**
 * The columns quantile tiers can cut: numbers only (integers or amounts), never the customer id, never dates
 * (a date serial summed per customer is no value), and in a log never the purchase date.
 */
export function numericColumns(headers: string[], sample: CellValue[][], mapping: ColumnMapping): string[] {
  return headers.filter((header, column) => {
    if (header === mapping.customerId || header === mapping.date) return false;
    const kind = sniffColumn(sample.map((row) => row[column]));
    return kind === "integer" || kind === "money";
  });
}
