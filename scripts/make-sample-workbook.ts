/**
 * Writes assets/samples/customer-value-sample.xlsx from the project's own synthetic data (src/workbench/sample-data.ts,
 * seeded, so every run gives the same workbook): a transaction log, the customer summary (CUST.SUMMARY), RFM scores and
 * segments, a fitted model with P(alive) and predictive CLV, and a KPI sheet. Each formula has a note above it and a
 * cell comment in English and French. Run: npm run sample
 *
 * The file is written the way Excel itself saves such a workbook, so it opens as a user expects:
 * - Custom functions are stored as Excel stores JavaScript custom functions: `CUST.SUMMARY(` is saved as
 *   `_xldudf_CUST_SUMMARY(` (the namespace and id, dots as underscores). Excel shows it as =CUST.SUMMARY(...) once
 *   the add-in is loaded; a formula stored as typed text is not recognised as the add-in's and does not calculate
 *   until re-entered (Microsoft's answers in OfficeDev/Excel-Custom-Functions#108, office-js#2568 and #5611).
 * - Spilled results are dynamic-array formulas (an array formula over the spill range whose anchor cell points at
 *   the XLDAPR cell metadata, as Excel 365 writes them), with our functions' own results cached in every cell: a
 *   colleague without the add-in sees the values, Excel with the add-in recalculates them.
 * - A web-extension part (xl/webextensions, Office's "open a task pane automatically with a document" parts)
 *   references the add-in by its manifest id and version, with Office.AutoShowTaskpaneWithDocument set and the task
 *   pane saved as visible, so opening the file opens the pane where the add-in is deployed and offers it elsewhere.
 *   The manifest names no TaskpaneId (a long-lived shared runtime must not: office-addin-conventions.md), so the
 *   pane that opens is the add-in's default one, taskpane.html, the shared runtime's page.
 * - Each per-customer sheet starts with the customer ID; notes sit one per row above the header row, which is frozen,
 *   and columns have widths and number formats for what they hold.
 * test/samples/sample-workbook.test.ts reads the file's XML and checks each of these.
 */
import "../src/functions/install-shim";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { setFunctionsLocale } from "../src/functions/locale";
import { DEFAULT_SAMPLE, simulateBusiness, transactionTable } from "../src/workbench/sample-data";
import { functionImplementations } from "./make-docs";

export const SAMPLE_FILE = join(__dirname, "..", "assets", "samples", "customer-value-sample.xlsx");
const ROOT = join(__dirname, "..");

/** The add-in the file opens with: the manifest's id and version. */
export function addInReference(): { id: string; version: string } {
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const id = /<Id>([^<]+)<\/Id>/.exec(manifest)?.[1];
  const version = /<Version>([^<]+)<\/Version>/.exec(manifest)?.[1];
  if (!id || !version) throw new Error("manifest.xml has no <Id> or <Version>");
  return { id, version };
}

/**
 * Where Excel looks the add-in up when the file opens: EXCatalog is centralized deployment from the Microsoft 365
 * admin center, the deployment docs/deployment.md recommends. (AppSource would be OMEX with a locale as store; a
 * network-share catalog FileSystem with the share's path.)
 */
export const ADDIN_STORE = { store: "EXCatalog", storeType: "EXCatalog" } as const;

/** The property that makes Excel open the add-in's pane with the document. */
export const AUTO_SHOW_TASKPANE = "Office.AutoShowTaskpaneWithDocument";

/** Small enough to open instantly, large enough for the models to fit. */
const SAMPLE = { ...DEFAULT_SAMPLE, customers: 400 };
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));
const AS_OF = SAMPLE.asOf;

type Grid = unknown[][];
type Note = { en: string; fr: string };

const functions = functionImplementations();

/** Runs one of our functions as Excel would (English headers), to cache its result in the file. */
function compute(id: string, ...args: unknown[]): unknown {
  const fn = functions.get(id);
  if (!fn) throw new Error(`No function ${id}`);
  setFunctionsLocale("en");
  try {
    return fn(...args);
  } finally {
    setFunctionsLocale(null);
  }
}

const column = (grid: Grid, c: number, from = 1): Grid => grid.slice(from).map((row) => [row[c]]);

function toCellValue(value: unknown): ExcelJS.CellValue {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value && typeof value === "object" && "code" in value)
    return { error: String(value.code) } as ExcelJS.CellErrorValue;
  return "";
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A formula as Excel stores it: every CUST.ID( call as _xldudf_CUST_ID( (the form of JavaScript custom functions). */
export function storedFormula(formula: string): string {
  return formula.replace(/\bCUST\.([A-Z][A-Z0-9._]*)\(/g, (_, id: string) => `_xldudf_CUST_${id.replace(/\./g, "_")}(`);
}

interface ArrayFormulaSheet {
  fillFormula(range: string, formula: string, results: ExcelJS.CellValue[][], shareType: "array"): void;
}

/** Writes a formula with its cached result: a plain cell for one value, an array formula over the spill range. */
function writeFormula(sheet: ExcelJS.Worksheet, address: string, typed: string, result: unknown): void {
  const formula = storedFormula(typed);
  const grid = Array.isArray(result) ? (result as Grid) : [[result]];
  const anchor = sheet.getCell(address);
  if (grid.length === 1 && grid[0].length === 1) {
    anchor.value = { formula, result: toCellValue(grid[0][0]) } as ExcelJS.CellFormulaValue;
    return;
  }
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const left = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const range = `${address}:${columnLetter(left + grid[0].length - 1)}${Number(digits) + grid.length - 1}`;
  // exceljs's typings omit fillFormula's fourth argument, the share type.
  const arraySheet = sheet as unknown as ArrayFormulaSheet;
  arraySheet.fillFormula(
    range,
    formula,
    grid.map((row) => row.map(toCellValue)),
    "array",
  );
}

function noteOn(sheet: ExcelJS.Worksheet, address: string, note: Note): void {
  sheet.getCell(address).note = `${note.en}\n\n${note.fr}`;
}

const BOLD = { bold: true } as const;
const FRENCH_NOTE = { italic: true, color: { argb: "FF555555" } } as const;

/**
 * The top of a per-customer sheet: a title, then each note on a row of its own (English, then French in grey
 * italics) in column A, the rest of those rows empty so a long note reads across instead of being cut by the next,
 * a blank row, and the header row, frozen. Returns the header row's number.
 */
function sheetTop(sheet: ExcelJS.Worksheet, title: Note, notes: Note[]): number {
  sheet.getCell(1, 1).value = `${title.en} / ${title.fr}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  notes.forEach((note, i) => {
    sheet.getCell(2 + 2 * i, 1).value = note.en;
    sheet.getCell(3 + 2 * i, 1).value = note.fr;
    sheet.getCell(3 + 2 * i, 1).font = FRENCH_NOTE;
  });
  const header = 3 + 2 * notes.length;
  sheet.views = [
    { state: "frozen", xSplit: 0, ySplit: header, topLeftCell: `A${header + 1}`, activeCell: `A${header + 1}` },
  ];
  return header;
}

/** Header cells in bold on a wrapped row tall enough for two lines, so no header is cut. */
function styleHeader(sheet: ExcelJS.Worksheet, row: number, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = sheet.getCell(row, c);
    cell.font = BOLD;
    cell.alignment = { wrapText: true, vertical: "bottom" };
  }
  sheet.getRow(row).height = 32;
}

/** A column's width (in characters) and number format. */
function columnLayout(sheet: ExcelJS.Worksheet, index: number, width: number, numFmt?: string): void {
  sheet.getColumn(index).width = width;
  if (numFmt) sheet.getColumn(index).numFmt = numFmt;
}

/** Formats of CUST.SUMMARY's columns, by header (what a reader expects of each). */
const SUMMARY_FORMATS: Record<string, string> = {
  "first purchase": "yyyy-mm-dd",
  "last purchase": "yyyy-mm-dd",
  orders: "0",
  "total amount": "#,##0.00",
  "average basket": "#,##0.00",
  frequency: "0",
  recency: "0.00",
  T: "0.00",
  monetary: "#,##0.00",
};

export async function buildSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const business = simulateBusiness(SAMPLE);
  const log = transactionTable(business);
  const n = log.rows.length;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Customer Value";
  workbook.lastModifiedBy = "Customer Value";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;

  // Read me
  const readme = workbook.addWorksheet("Read me");
  readme.getColumn(1).width = 150;
  [
    "Customer Value sample workbook: synthetic customers (not real people), generated by scripts/make-sample-workbook.ts.",
    "Classeur d'exemple Valeur Client : clients synthétiques (pas de vraies personnes), généré par scripts/make-sample-workbook.ts.",
    "",
    "Sheets: Transactions (the order log, an Excel table) → Customers (CUST.SUMMARY) → RFM (CUST.RFM, CUST.RFMSEGMENT) → Model (CUST.FIT, CUST.PALIVE, CUST.PCLV) → KPI (CUST.CAC, CUST.RETENTION, CUST.CLV, CUST.LTVCAC, CUST.PAYBACK).",
    "Feuilles : Transactions (le journal des commandes, un tableau Excel) → Customers (CUST.SYNTHESE) → RFM (CUST.RFM, CUST.SEGMENT.RFM) → Model (CUST.FIT, CUST.PALIVE, CUST.PCLV) → KPI (CUST.CAC, CUST.RETENTION, CUST.VVC, CUST.VVC.CAC, CUST.DELAI.RECUP).",
    "",
    "Opening the file opens the Customer Value pane when the add-in is deployed to you; otherwise Excel offers to get it. The values are saved in the file: without the add-in you see them, but recalculating shows #NAME?.",
    "À l'ouverture du fichier, le volet Valeur Client s'ouvre si le complément vous est déployé ; sinon Excel propose de l'obtenir. Les valeurs sont enregistrées dans le fichier : sans le complément vous les voyez, mais un recalcul affiche #NOM?.",
    "",
    "Each formula has a note above its column (and a cell comment) in English and French. Multi-cell results spill: in Excel 365 they resize by themselves when the data change; to take more transactions, extend the ranges in the formula.",
    "Chaque formule a une note au-dessus de sa colonne (et un commentaire de cellule) en anglais et en français. Les résultats sur plusieurs cellules se propagent : dans Excel 365 ils s'ajustent seuls quand les données changent ; pour prendre plus de transactions, étendez les plages de la formule.",
  ].forEach((text, i) => (readme.getCell(i + 1, 1).value = text));
  readme.getCell(1, 1).font = { bold: true, size: 13 };
  readme.getCell(2, 1).font = { bold: true, size: 13 };

  // Transactions, as an Excel table
  const transactions = workbook.addWorksheet("Transactions", { views: [{ state: "frozen", ySplit: 1 }] });
  transactions.addTable({
    name: "Transactions",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: log.headers.map((name) => ({ name, filterButton: true })),
    rows: log.rows,
  });
  columnLayout(transactions, 1, 14);
  columnLayout(transactions, 2, 12, "yyyy-mm-dd");
  columnLayout(transactions, 3, 12, "#,##0.00");

  const ids = log.rows.map((row) => [row[0]]);
  const dates = log.rows.map((row) => [row[1]]);
  const amounts = log.rows.map((row) => [row[2]]);
  const last = n + 1;

  // Customers: one row per customer from CUST.SUMMARY (its first column is the customer ID)
  const customers = workbook.addWorksheet("Customers");
  const summaryNote = {
    en: `CUST.SUMMARY turns the order log into one row per customer (frequency = repeat purchases, recency and T in weeks), as of 2024-12-31 (Excel date ${AS_OF}).`,
    fr: `CUST.SYNTHESE transforme le journal des commandes en une ligne par client (fréquence = réachats, récence et T en semaines), au 31/12/2024 (date Excel ${AS_OF}).`,
  };
  const customersHeader = sheetTop(customers, { en: "Customers", fr: "Clients" }, [summaryNote]);
  const summary = compute("SUMMARY", ids, dates, amounts, AS_OF, "weeks") as Grid;
  const summaryFormula = `CUST.SUMMARY(Transactions!A2:A${last},Transactions!B2:B${last},Transactions!C2:C${last},${AS_OF},"weeks")`;
  writeFormula(customers, `A${customersHeader}`, summaryFormula, summary);
  noteOn(customers, `A${customersHeader}`, summaryNote);
  const summaryHeaders = (summary[0] as unknown[]).map(String);
  styleHeader(customers, customersHeader, 1, summaryHeaders.length);
  summaryHeaders.forEach((header, c) =>
    columnLayout(
      customers,
      c + 1,
      c === 0 ? 12 : Math.max(11, Math.min(16, header.length + 2)),
      SUMMARY_FORMATS[header],
    ),
  );
  const people = summary.length - 1;
  const first = customersHeader + 1;
  const end = customersHeader + people;
  const letter = (header: string) => {
    const index = summaryHeaders.indexOf(header);
    if (index < 0) throw new Error(`CUST.SUMMARY has no column ${header}`);
    return columnLetter(index);
  };
  const ref = (header: string) => `Customers!${letter(header)}${first}:${letter(header)}${end}`;
  const summaryColumn = (header: string) => column(summary, summaryHeaders.indexOf(header));
  const customerIds = column(summary, 0);
  const orders = summaryColumn("orders");
  const total = summaryColumn("total amount");
  const frequency = summaryColumn("frequency");
  const recency = summaryColumn("recency");
  const age = summaryColumn("T");
  const monetary = summaryColumn("monetary");

  // RFM
  const rfmSheet = workbook.addWorksheet("RFM");
  const idNote = {
    en: "Customer ID: the IDs of the Customers sheet, row for row (an ordinary Excel formula).",
    fr: "ID client : les identifiants de la feuille Customers, ligne à ligne (une formule Excel ordinaire).",
  };
  const sinceNote = {
    en: "Weeks since each customer's last purchase: T − recency from the Customers sheet (an ordinary Excel formula).",
    fr: "Semaines depuis le dernier achat de chaque client : T − récence, depuis la feuille Customers (une formule Excel ordinaire).",
  };
  const rfmNote = {
    en: "CUST.RFM scores recency (B), orders and total spend in quintiles: R, F, M and the code R·100+F·10+M.",
    fr: "CUST.RFM note la récence (B), les commandes et la dépense totale en quintiles : R, F, M et le code R·100+F·10+M.",
  };
  const segmentNote = {
    en: "CUST.RFMSEGMENT names the segment from the R and F scores (Champions … Hibernating), in Excel's language.",
    fr: "CUST.SEGMENT.RFM nomme le segment à partir des scores R et F (Champions … En hibernation), dans la langue d'Excel.",
  };
  const rfmHeader = sheetTop(rfmSheet, { en: "RFM scores and segments", fr: "Scores et segments RFM" }, [
    idNote,
    sinceNote,
    rfmNote,
    segmentNote,
  ]);
  const rfmFirst = rfmHeader + 1;
  const rfmEnd = rfmHeader + people;
  ["Customer ID", "weeks since last purchase", "R", "F", "M", "RFM", "segment"].forEach(
    (title, i) => (rfmSheet.getCell(rfmHeader, 1 + i).value = title),
  );
  styleHeader(rfmSheet, rfmHeader, 1, 7);
  writeFormula(rfmSheet, `A${rfmFirst}`, `Customers!A${first}:A${end}`, customerIds);
  const since = age.map((row, i) => [(row[0] as number) - (recency[i][0] as number)]);
  writeFormula(rfmSheet, `B${rfmFirst}`, `${ref("T")}-${ref("recency")}`, since);
  const scores = compute("RFM", since, orders, total, null, null, null, null) as Grid;
  writeFormula(
    rfmSheet,
    `C${rfmFirst}`,
    `CUST.RFM(B${rfmFirst}:B${rfmEnd},${ref("orders")},${ref("total amount")})`,
    scores,
  );
  noteOn(rfmSheet, `C${rfmFirst}`, rfmNote);
  const segments = compute("RFMSEGMENT", column(scores, 0, 0), column(scores, 1, 0), null, null) as Grid;
  writeFormula(rfmSheet, `G${rfmFirst}`, `CUST.RFMSEGMENT(C${rfmFirst}:C${rfmEnd},D${rfmFirst}:D${rfmEnd})`, segments);
  noteOn(rfmSheet, `G${rfmFirst}`, segmentNote);
  [
    [12, undefined],
    [14, "0.0"],
    [6, "0"],
    [6, "0"],
    [6, "0"],
    [8, "0"],
    [22, undefined],
  ].forEach(([width, format], c) => columnLayout(rfmSheet, c + 1, width as number, format as string | undefined));

  // Model
  const model = workbook.addWorksheet("Model");
  const fitNote = {
    en: "CUST.FIT (A) fits the BG/NBD purchase model to frequency, recency and T (weeks) and spills its parameter table.",
    fr: "CUST.FIT (A) ajuste le modèle d'achats BG/NBD sur fréquence, récence et T (semaines) et renvoie sa table de paramètres.",
  };
  const ggNote = {
    en: 'CUST.FIT with "gg" (D) fits the Gamma-Gamma spend model to frequency and the average repeat spend (monetary).',
    fr: "CUST.FIT avec « gg » (D) ajuste le modèle de panier Gamma-Gamma sur la fréquence et le panier moyen des réachats (monetary).",
  };
  const aliveNote = {
    en: "CUST.PALIVE (H): the probability that each customer (G, the rows of the Customers sheet) is still active.",
    fr: "CUST.PALIVE (H) : la probabilité que chaque client (G, les lignes de la feuille Customers) soit encore actif.",
  };
  const clvNote = {
    en: "CUST.PCLV (I): each customer's expected margin over the next 12 months at 30% margin, discounted at 10% a year (an annual rate, applied monthly).",
    fr: "CUST.PCLV (I) : la marge attendue de chaque client sur les 12 prochains mois à 30 % de marge, actualisée à 10 % par an (un taux annuel, appliqué mois par mois).",
  };
  const modelHeader = sheetTop(model, { en: "Customer-base models", fr: "Modèles de base clients" }, [
    fitNote,
    ggNote,
    aliveNote,
    clvNote,
  ]);
  const purchaseTable = compute("FIT", "bgnbd", frequency, recency, age, null, null, null) as Grid;
  writeFormula(
    model,
    `A${modelHeader}`,
    `CUST.FIT("bgnbd",${ref("frequency")},${ref("recency")},${ref("T")})`,
    purchaseTable,
  );
  noteOn(model, `A${modelHeader}`, fitNote);
  const spendTable = compute("FIT", "gg", frequency, null, null, monetary, null, null) as Grid;
  writeFormula(model, `D${modelHeader}`, `CUST.FIT("gg",${ref("frequency")},,,${ref("monetary")})`, spendTable);
  noteOn(model, `D${modelHeader}`, ggNote);
  const tableEnd = (grid: Grid) => modelHeader - 1 + grid.length;
  const purchaseRef = `$A$${modelHeader}:$B$${tableEnd(purchaseTable)}`;
  const spendRef = `$D$${modelHeader}:$E$${tableEnd(spendTable)}`;
  const modelFirst = modelHeader + 1;
  ["Customer ID", "P(alive)", "12-month CLV"].forEach((title, i) => (model.getCell(modelHeader, 7 + i).value = title));
  styleHeader(model, modelHeader, 1, 9);
  writeFormula(model, `G${modelFirst}`, `Customers!A${first}:A${end}`, customerIds);
  const alive = compute("PALIVE", purchaseTable, frequency, recency, age) as Grid;
  writeFormula(
    model,
    `H${modelFirst}`,
    `CUST.PALIVE(${purchaseRef},${ref("frequency")},${ref("recency")},${ref("T")})`,
    alive,
  );
  noteOn(model, `H${modelFirst}`, aliveNote);
  const pclv = compute("PCLV", purchaseTable, spendTable, frequency, recency, age, "weeks", monetary, 12, 0.1, 0.3);
  writeFormula(
    model,
    `I${modelFirst}`,
    `CUST.PCLV(${purchaseRef},${spendRef},${ref("frequency")},${ref("recency")},${ref("T")},"weeks",${ref("monetary")},12,10%,30%)`,
    pclv,
  );
  noteOn(model, `I${modelFirst}`, clvNote);
  [
    [18, undefined],
    [14, "General"],
    [3, undefined],
    [18, undefined],
    [14, "General"],
    [3, undefined],
    [12, undefined],
    [10, "0.0%"],
    [14, "#,##0.00"],
  ].forEach(([width, format], c) => columnLayout(model, c + 1, width as number, format as string | undefined));

  // KPI
  const kpi = workbook.addWorksheet("KPI");
  [34, 16, 70, 70].forEach((width, i) => (kpi.getColumn(i + 1).width = width));
  ["Input or indicator", "Value", "Explanation", "Explication"].forEach((title, i) => {
    kpi.getCell(1, i + 1).value = title;
    kpi.getCell(1, i + 1).font = { bold: true };
  });
  const inputs: [string, number, Note][] = [
    ["Marketing spend", 30000, { en: "Marketing spend over the year.", fr: "Dépenses marketing de l'année." }],
    ["Sales spend", 20000, { en: "Sales spend over the same year.", fr: "Dépenses commerciales de la même année." }],
    ["New customers", 250, { en: "Customers acquired during the year.", fr: "Clients acquis pendant l'année." }],
    ["Customers at start", 1200, { en: "Customers at the start of the year.", fr: "Clients au début de l'année." }],
    ["Customers at end", 1150, { en: "Customers at the end of the year.", fr: "Clients à la fin de l'année." }],
    ["Average basket", 80, { en: "Revenue per purchase.", fr: "Chiffre d'affaires par achat (panier moyen)." }],
    ["Purchases per year", 6, { en: "Purchases per customer per year.", fr: "Achats par client et par an." }],
    ["Gross margin", 0.35, { en: "Gross margin on sales.", fr: "Taux de marge brute." }],
    ["Discount rate", 0.08, { en: "Yearly discount rate.", fr: "Taux d'actualisation annuel." }],
  ];
  inputs.forEach(([label, value, note], i) => {
    kpi.getCell(i + 2, 1).value = label;
    kpi.getCell(i + 2, 2).value = value;
    kpi.getCell(i + 2, 3).value = note.en;
    kpi.getCell(i + 2, 4).value = note.fr;
  });
  kpi.getCell("B9").numFmt = "0%";
  kpi.getCell("B10").numFmt = "0%";
  const cac = compute("CAC", [[30000]], [[20000]], [[250]]) as Grid;
  const retention = compute("RETENTION", [[1200]], [[1150]], [[250]]) as Grid;
  const clv = compute("CLV", [[80]], [[6]], null, [[0.35]], retention, [[0.08]], null) as Grid;
  const ratio = compute("LTVCAC", clv, cac) as Grid;
  const payback = compute("PAYBACK", cac, [[(80 * 6) / 12]], [[0.35]]) as Grid;
  const indicators: [string, string, unknown, Note, string][] = [
    [
      "CAC",
      "CUST.CAC(B2,B3,B4)",
      cac,
      {
        en: "CUST.CAC: (marketing + sales spend) ÷ new customers.",
        fr: "CUST.CAC : (dépenses marketing + commerciales) ÷ nouveaux clients.",
      },
      "#,##0.00",
    ],
    [
      "Retention rate",
      "CUST.RETENTION(B5,B6,B4)",
      retention,
      {
        en: "CUST.RETENTION: (customers at end − new customers) ÷ customers at start.",
        fr: "CUST.RETENTION : (clients en fin d'année − nouveaux clients) ÷ clients en début d'année.",
      },
      "0.0%",
    ],
    [
      "Customer lifetime value",
      'CUST.CLV(B7,B8,,B9,B13,B10,"kotler")',
      clv,
      {
        en: "CUST.CLV: yearly margin (basket × purchases × margin) with that retention and discount rate (Kotler form).",
        fr: "CUST.VVC : marge annuelle (panier × achats × marge) avec ce taux de rétention et ce taux d'actualisation (forme de Kotler).",
      },
      "#,##0.00",
    ],
    [
      "LTV:CAC",
      "CUST.LTVCAC(B14,B12)",
      ratio,
      {
        en: "CUST.LTVCAC: lifetime value ÷ acquisition cost; 3 or more is the usual target.",
        fr: "CUST.VVC.CAC : valeur vie ÷ coût d'acquisition ; l'objectif usuel est 3 ou plus.",
      },
      "0.00",
    ],
    [
      "CAC payback (months)",
      "CUST.PAYBACK(B12,B7*B8/12,B9)",
      payback,
      {
        en: "CUST.PAYBACK: months of margin (monthly revenue × margin) needed to earn back the CAC.",
        fr: "CUST.DELAI.RECUP : mois de marge (chiffre d'affaires mensuel × marge) nécessaires pour récupérer le CAC.",
      },
      "0.0",
    ],
  ];
  indicators.forEach(([label, formula, result, note, format], i) => {
    const row = 12 + i;
    kpi.getCell(row, 1).value = label;
    kpi.getCell(row, 1).font = { bold: true };
    writeFormula(kpi, `B${row}`, formula, result);
    kpi.getCell(row, 2).numFmt = format;
    kpi.getCell(row, 3).value = note.en;
    kpi.getCell(row, 4).value = note.fr;
    noteOn(kpi, `B${row}`, note);
  });
  return workbook;
}

// ---------------------------------------------------------------------------------------------------------------
// Package parts exceljs does not write: dynamic-array cell metadata and the web extension.

const CONTENT_TYPES = "[Content_Types].xml";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const WEBEXTENSION_PART = "xl/webextensions/webextension1.xml";
export const TASKPANES_PART = "xl/webextensions/taskpanes.xml";
const METADATA_PART = "xl/metadata.xml";

/** The XLDAPR metadata Excel 365 gives a dynamic-array formula (cm="1" on its anchor cell points here). */
const METADATA_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

function webExtensionXml(reference: { id: string; version: string }): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{${reference.id.toUpperCase()}}"><we:reference id="${reference.id}" version="${reference.version}" store="${ADDIN_STORE.store}" storeType="${ADDIN_STORE.storeType}"/><we:alternateReferences/><we:properties><we:property name="${AUTO_SHOW_TASKPANE}" value="true"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`;
}

const TASKPANES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="350" row="0"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;

const TASKPANES_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`;

/** Adds a relationship to a .rels part with the first free rIdN. */
function addRelationship(rels: string, type: string, target: string): string {
  const used = new Set([...rels.matchAll(/Id="(rId\d+)"/g)].map((match) => match[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return rels.replace(
    "</Relationships>",
    `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/></Relationships>`,
  );
}

function addOverride(types: string, part: string, contentType: string): string {
  return types.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
}

/** The workbook as exceljs writes it, made into the file Excel would save (see the header comment). */
export async function finishPackage(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (part: string) => {
    const file = zip.file(part);
    if (!file) throw new Error(`The workbook has no ${part}`);
    return file.async("string");
  };
  // Dynamic arrays: every array formula's anchor cell carries the XLDAPR cell metadata.
  for (const part of Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))) {
    const xml = await read(part);
    zip.file(
      part,
      xml.replace(/<c ([^>]*?)>(<f t="array")/g, (_, attributes: string, f: string) => `<c ${attributes} cm="1">${f}`),
    );
  }
  zip.file(METADATA_PART, METADATA_XML);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    addRelationship(
      await read("xl/_rels/workbook.xml.rels"),
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
      "metadata.xml",
    ),
  );
  // The web extension that opens the pane with the document.
  zip.file(WEBEXTENSION_PART, webExtensionXml(addInReference()));
  zip.file(TASKPANES_PART, TASKPANES_XML);
  zip.file("xl/webextensions/_rels/taskpanes.xml.rels", TASKPANES_RELS);
  zip.file(
    "_rels/.rels",
    addRelationship(
      await read("_rels/.rels"),
      "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
      TASKPANES_PART,
    ),
  );
  let types = await read(CONTENT_TYPES);
  types = addOverride(
    types,
    METADATA_PART,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
  );
  types = addOverride(types, TASKPANES_PART, "application/vnd.ms-office.webextensiontaskpanes+xml");
  types = addOverride(types, WEBEXTENSION_PART, "application/vnd.ms-office.webextension+xml");
  zip.file(CONTENT_TYPES, types);
  // A fixed date on every entry, so regenerating an unchanged workbook gives the same bytes.
  for (const file of Object.values(zip.files)) file.date = FIXED_DATE;
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

async function main(): Promise<void> {
  const workbook = await buildSampleWorkbook();
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  writeFileSync(SAMPLE_FILE, await finishPackage(xlsx));
  console.log(`wrote ${SAMPLE_FILE}`);
}

if (process.argv[1] && /make-sample-workbook\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
