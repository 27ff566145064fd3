/**
 * The spend table: one row per group (channel…) with the spend the user types and the period it was spent over.
 * The pane creates it once, with the groups found, the spend column blank and the period set to the data span;
 * after that the table is the user's, read on every refresh and never written again. The user may also point the
 * pane at a table of their own: its columns are found by their headers (English or French).
 */
import { Locale, MessageKey, MessageParams, t } from "../../i18n";
import { cellNumber, isBlankCell, isErrorCell } from "../segmentation/cells";
import type { CellValue, OwnSheet } from "../sheet-data";
import { groupKey, GroupSpend } from "./value-by-group";

/** A problem in the spend table, said on the Channels sheet (the group then has no CAC). */
export interface SpendIssue {
  key: MessageKey;
  params: MessageParams;
}

/** Excel table names: a letter or underscore first, then letters, digits, underscores and dots; at most 255. */
export const isTableName = (name: string): boolean =>
  /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name);

export const defaultSpendTableName = (locale: Locale) => t("channels.spend.tableName", {}, locale);

const MONEY = "#,##0.00";
const DATE = "yyyy-mm-dd";

/** The sheet holding a new spend table: the groups found, a blank spend per group, the data span as the period. */
export function spendSheet(
  groups: readonly string[],
  column: string,
  span: { firstDay: number; lastDay: number },
  tableName: string,
  locale: Locale,
): OwnSheet {
  const L = (key: MessageKey) => t(key, {}, locale);
  const blank = L("channels.group.blank");
  return {
    name: L("channels.spend.sheetName"),
    tableName,
    rows: [
      [column, L("channels.spend.spend"), L("channels.spend.from"), L("channels.spend.to")],
      ...groups.map((group): CellValue[] => [group === "" ? blank : group, "", span.firstDay, span.lastDay]),
    ],
    numberFormats: [undefined, MONEY, DATE, DATE],
  };
}

const SPEND_HEADERS = [
  "spend",
  "spending",
  "budget",
  "cost",
  "costs",
  "amount",
  "dépense",
  "dépenses",
  "coût",
  "coûts",
  "cout",
  "montant",
];
const FROM_HEADERS = ["from", "start", "period start", "début", "debut", "du", "début de période", "depuis"];
const TO_HEADERS = ["to", "end", "period end", "fin", "au", "fin de période", "jusqu'au"];

const normal = (header: string) => header.trim().toLocaleLowerCase();
/** A header that is one of the names, or starts with one followed by a space or "(" ("Spend (€)"). */
const matches = (header: string, names: readonly string[]) => {
  const h = normal(header);
  return names.some((name) => h === name || h.startsWith(`${name} `) || h.startsWith(`${name}(`));
};

/**
 * Reads a spend table: the group column is the one headed like the "compare by" column (else the first), the spend
 * column the one headed Spend / Dépense / Budget / Cost (else the second), the period columns From / To (Du / Au,
 * Début / Fin); without them the period is the whole data span. A spend that is not a number ≥ 0 leaves the group
 * without a spend and says why; a blank one is simply not typed yet.
 */
export function readSpendTable(
  headers: readonly string[],
  rows: readonly CellValue[][],
  column: string,
  span: { firstDay: number; lastDay: number },
  locale: Locale,
): { spends: GroupSpend[]; issues: SpendIssue[] } {
  const issues: SpendIssue[] = [];
  let groupColumn = headers.findIndex((header) => normal(header) === normal(column));
  if (groupColumn < 0) groupColumn = 0;
  const fromColumn = headers.findIndex((header, c) => c !== groupColumn && matches(header, FROM_HEADERS));
  const toColumn = headers.findIndex((header, c) => c !== groupColumn && matches(header, TO_HEADERS));
  const free = (c: number) => c !== groupColumn && c !== fromColumn && c !== toColumn;
  let spendColumn = headers.findIndex((header, c) => free(c) && matches(header, SPEND_HEADERS));
  if (spendColumn < 0) spendColumn = headers.findIndex((_header, c) => free(c));
  if (spendColumn < 0) {
    issues.push({ key: "channels.issue.noSpendColumn", params: {} });
    return { spends: [], issues };
  }
  const blank = normal(t("channels.group.blank", {}, locale));
  const spends: GroupSpend[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row[groupColumn];
    if (isBlankCell(name)) continue;
    // The label the pane writes for customers without a value stands for that blank group.
    const group = normal(String(name)) === blank ? "" : String(name).trim();
    if (seen.has(groupKey(group))) {
      issues.push({ key: "channels.issue.duplicateGroup", params: { group: String(name).trim() } });
      continue;
    }
    seen.add(groupKey(group));
    const day = (c: number, fallback: number) => {
      if (c < 0 || isBlankCell(row[c])) return fallback;
      const value = cellNumber(row[c]);
      if (!Number.isFinite(value)) {
        issues.push({ key: "channels.issue.badDate", params: { group: String(name).trim(), header: headers[c] } });
        return fallback;
      }
      return value;
    };
    const from = day(fromColumn, span.firstDay);
    const to = day(toColumn, span.lastDay);
    const cell = row[spendColumn];
    let spend: number | null = null;
    if (!isBlankCell(cell)) {
      const value = isErrorCell(cell) ? NaN : cellNumber(cell);
      if (Number.isFinite(value) && value >= 0) spend = value;
      else issues.push({ key: "channels.issue.badSpend", params: { group: String(name).trim(), found: String(cell) } });
    }
    spends.push({ group, spend, from, to });
  }
  return { spends, issues };
}
