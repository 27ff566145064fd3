/**
 * The sheets the pane writes besides our columns: "Segments" (one row per segment, with a native chart) and,
 * for a transaction log, the per-customer summary the segments were computed on.
 */
import type { CellBlockFormat, CellValue, OwnSheet, SheetChart } from "../sheet-data";
import { formatNumber, Locale, MessageKey, MessageParams, t } from "../../i18n";
import { SEGMENTS } from "../rfm/segments";
import type { CustomerSummary } from "../transactions/summary";
import { ADDIN_VERSION } from "../version";
import { CHURN_BANDS } from "./churn";
import { describeMethod } from "./describe";
import { purchaseChoiceLine } from "./model-choice";
import type { DataShape, SegmentationMethod, SegmentationResult, SegmentPreview } from "./types";

/** Suggested maximum acquisition cost: CLV ÷ 3, the LTV:CAC ≥ 3 rule of thumb (formulas.md, "CAC payback"). */
export const maxCacOf = (averageClv: number) => averageClv / 3;

const MONEY = "#,##0.00";
const SHARE = "0.0%";
const COUNT = "#,##0";
const DATE = "yyyy-mm-dd";

/** What the Segments sheet says about where its segments come from (besides the result itself). */
export interface SummaryAbout {
  tableName: string;
  shape: DataShape;
  method: SegmentationMethod;
  /** ISO 8601 date-time of the apply or refresh. */
  writtenAt: string;
}

/** The Segments sheet's name as Apply wants it (before any "(2)"). */
export const summarySheetName = (locale: Locale) => t("segmentation.sheet.name", {}, locale);

/** An ISO date-time as an Excel serial (days since 1899-12-30, UTC). */
const excelSerial = (iso: string) => Date.parse(iso) / 86_400_000 + 25_569;

const THRESHOLD = "#,##0.00";
const DATE_TIME = "yyyy-mm-dd hh:mm";

/** A column of the segment table: its header, format, one cell per segment and the total row's cell. */
interface SummaryColumn {
  header: string;
  format: string;
  cell: (segment: SegmentPreview, s: number) => CellValue;
  total: CellValue;
}

/**
 * The Segments sheet, readable without the add-in: how the segments were made (data window, as-of date, method,
 * model and its status, horizon, margin, annual discount rate, thresholds, add-in version, date), then one row per
 * segment (its definition, customers, revenue and CLV with their shares, suggested maximum CAC, recommended
 * action) and a totals row, and native charts of customers and of value per segment.
 */
export function segmentSummarySheet(result: SegmentationResult, locale: Locale, about: SummaryAbout): OwnSheet {
  const { preview } = result;
  const L = (key: MessageKey, params: MessageParams = {}) => t(key, params, locale);
  const rows: CellValue[][] = [];
  const formats: CellBlockFormat[] = [];
  const bold = (row: number, columnCount = 1) => formats.push({ row, col: 0, columnCount, bold: true });
  const line = (label: string, ...values: { value: CellValue; format?: string }[]) => {
    const row = rows.length;
    rows.push([label, ...values.map((item) => item.value)]);
    values.forEach((item, i) => {
      if (item.format) formats.push({ row, col: i + 1, numberFormat: item.format });
    });
  };
  const text = (value: string) => ({ value });
  const percent = (share: number) => `${formatNumber(share * 100, locale, 0)} %`;

  rows.push([L("segmentsheet.title", { table: about.tableName })]);
  bold(0);
  rows.push([]);
  rows.push([L("segmentsheet.assumptions")]);
  bold(rows.length - 1);
  const context = result.context;
  line(L("segmentsheet.table"), text(about.tableName), text(L(`segmentsheet.shape.${about.shape}`)));
  if (context) {
    line(L("segmentsheet.customers"), { value: context.customers, format: COUNT });
    line(L("segmentsheet.rows"), { value: context.rows, format: COUNT });
    if (context.firstPurchase !== undefined && context.lastPurchase !== undefined) {
      line(
        L("segmentsheet.window"),
        { value: context.firstPurchase, format: DATE },
        { value: context.lastPurchase, format: DATE },
      );
    }
  }
  if (result.asOf !== undefined) line(L("segmentsheet.asOf"), { value: result.asOf, format: DATE });
  else line(L("segmentsheet.asOf"), text(L("segmentsheet.asOfGiven")));
  line(L("segmentsheet.method"), text(describeMethod(about.method, locale)));
  line(L("segmentsheet.valueMeasure"), text(L(result.valueKey, result.valueParams)));
  const method = about.method;
  if (method.kind === "clvTiers") {
    for (const model of context?.models ?? []) {
      const status = model.status === "not converged" ? "notConverged" : model.status;
      line(
        L(model.role === "purchases" ? "segmentsheet.purchaseModel" : "segmentsheet.spendModel"),
        text(model.model),
        text(L(`segmentsheet.status.${status}`)),
      );
    }
    const chosen = purchaseChoiceLine(context, locale);
    if (chosen !== null) line(L("selection.sheet.label"), text(chosen));
    line(L("segmentsheet.horizon"), { value: method.horizonMonths, format: "0" }, text(L("segmentsheet.months")));
    line(L("segmentsheet.margin"), { value: method.margin, format: SHARE });
    line(
      L("segmentsheet.discount"),
      { value: method.discountRate, format: SHARE },
      text(L("segmentsheet.discountNote")),
    );
    line(L("segmentsheet.timeUnit"), text(L(`segmentation.unit.${method.timeUnit}`)));
    line(L("segmentsheet.maxCacRule"), text(L("segmentsheet.maxCacRuleValue")));
    if (method.actionColumns || method.winBack) {
      line(
        L("segmentsheet.churnBands"),
        text(L("segmentsheet.churnBandsValue", { high: percent(CHURN_BANDS.high), low: percent(CHURN_BANDS.low) })),
      );
    }
    if (method.actionColumns)
      line(L("segmentsheet.expected"), text(L("segmentsheet.expectedValue", { months: method.horizonMonths })));
    if (method.winBack) {
      line(
        L("segmentsheet.winBack"),
        text(L("segmentsheet.winBackValue", { share: percent(WIN_BACK_TOP_SHARE), high: percent(CHURN_BANDS.high) })),
        { value: Math.max(0, (result.winBackSheet?.rows.length ?? 1) - 1), format: COUNT },
      );
    }
  } else {
    line(L("segmentsheet.model"), text(L("segmentsheet.noModel")));
  }
  if (method.kind === "rfm") line(L("segmentsheet.rfmScale"), text(L("segmentsheet.rfmScaleValue")));
  for (const threshold of result.thresholds) {
    line(
      threshold.label,
      ...threshold.breaks.map((value) => ({ value: Number.isFinite(value) ? value : "", format: THRESHOLD })),
    );
  }
  line(L("segmentsheet.version"), text(L("segmentsheet.versionValue", { version: ADDIN_VERSION })));
  line(L("segmentsheet.writtenOn"), { value: excelSerial(about.writtenAt), format: DATE_TIME });
  rows.push([]);

  // The segment table.
  const sum = (pick: (segment: SegmentPreview) => number | undefined) =>
    preview.reduce((total, segment) => total + (pick(segment) ?? 0), 0);
  const share = (part: number | undefined, whole: number) => (whole === 0 || part === undefined ? 0 : part / whole);
  const customers = sum((segment) => segment.customers);
  const hasRevenue = preview.some((segment) => segment.revenue !== undefined);
  const hasClv = preview.some((segment) => segment.totalClv !== undefined);
  const valueIsOwn = result.valueKey === "segmentation.value.column";
  const definitions = preview.map((_, s) => segmentDefinition(result, about.method, s, locale));
  const columns: SummaryColumn[] = [
    {
      header: L("segmentsheet.col.segment"),
      format: "@",
      cell: (segment) => t(segment.labelKey, segment.labelParams, locale),
      total: L("segmentsheet.total"),
    },
    { header: L("segmentsheet.col.definition"), format: "@", cell: (_, s) => definitions[s], total: "" },
    { header: L("segmentsheet.col.customers"), format: COUNT, cell: (segment) => segment.customers, total: customers },
    {
      header: L("segmentsheet.col.customerShare"),
      format: SHARE,
      cell: (segment) => share(segment.customers, customers),
      total: customers === 0 ? 0 : 1,
    },
  ];
  if (hasRevenue) {
    const revenue = sum((segment) => segment.revenue);
    columns.push(
      {
        header: L("segmentsheet.col.revenue"),
        format: MONEY,
        cell: (segment) => segment.revenue ?? "",
        total: revenue,
      },
      {
        header: L("segmentsheet.col.revenueShare"),
        format: SHARE,
        cell: (segment) => share(segment.revenue, revenue),
        total: revenue === 0 ? 0 : 1,
      },
    );
  }
  if (valueIsOwn || (!hasRevenue && !hasClv)) {
    const column = String(result.valueParams?.column ?? "");
    const value = sum((segment) => segment.value);
    columns.push(
      {
        header: L("segmentsheet.col.columnSum", { column }),
        format: MONEY,
        cell: (segment) => segment.value,
        total: value,
      },
      {
        header: L("segmentsheet.col.columnShare", { column }),
        format: SHARE,
        cell: (segment) => share(segment.value, value),
        total: value === 0 ? 0 : 1,
      },
    );
  }
  if (hasClv) {
    const clv = sum((segment) => segment.totalClv);
    const average = customers === 0 ? 0 : clv / customers;
    columns.push(
      { header: L("segmentsheet.col.totalClv"), format: MONEY, cell: (segment) => segment.totalClv ?? "", total: clv },
      {
        header: L("segmentsheet.col.averageClv"),
        format: MONEY,
        cell: (segment) => segment.averageClv ?? "",
        total: average,
      },
      {
        header: L("segmentsheet.col.clvShare"),
        format: SHARE,
        cell: (segment) => share(segment.totalClv, clv),
        total: clv === 0 ? 0 : 1,
      },
      {
        header: L("segmentsheet.col.maxCac"),
        format: MONEY,
        cell: (segment) => segment.maxCac ?? "",
        total: maxCacOf(average),
      },
    );
  }
  columns.push({
    header: L("segmentsheet.col.action"),
    format: "@",
    cell: (segment, s) => segmentAction(segment.segmentId, s, preview.length, locale),
    total: "",
  });

  const headerRow = rows.length;
  rows.push(columns.map((column) => column.header));
  bold(headerRow, columns.length);
  preview.forEach((segment, s) => rows.push(columns.map((column) => column.cell(segment, s))));
  const totalRow = rows.length;
  rows.push(columns.map((column) => column.total));
  bold(totalRow, columns.length);
  const first = headerRow + 1;
  columns.forEach((column, c) =>
    formats.push({ row: first, col: c, rowCount: preview.length + 1, numberFormat: column.format }),
  );
  preview.forEach((segment, s) => formats.push({ row: first + s, col: 0, fill: segment.colour }));

  // Charts beside the table: counts, then value (CLV, else revenue, else the tiered column).
  const valueColumn = hasClv
    ? columns.findIndex((column) => column.header === L("segmentsheet.col.totalClv"))
    : hasRevenue
      ? columns.findIndex((column) => column.header === L("segmentsheet.col.revenue"))
      : 4;
  const valueTitle = hasClv
    ? L("segmentsheet.chart.clv")
    : hasRevenue
      ? L("segmentsheet.chart.revenue")
      : L("segmentsheet.chart.column", { column: String(result.valueParams?.column ?? "") });
  const categories = { row: first, col: 0, count: preview.length };
  const anchorCol = columns.length + 1;
  const charts: SheetChart[] = [
    {
      title: L("segmentsheet.chart.customers"),
      type: "bar",
      values: { row: headerRow, col: 2, count: preview.length },
      categories,
      anchor: { row: 2, col: anchorCol },
    },
    {
      title: valueTitle,
      type: "bar",
      values: { row: headerRow, col: valueColumn, count: preview.length },
      categories,
      anchor: { row: 20, col: anchorCol },
    },
  ];

  const width = Math.max(...rows.map((row) => row.length));
  for (const row of rows) while (row.length < width) row.push("");
  return { name: summarySheetName(locale), rows, formats, charts };
}

/** A segment in plain words: "R 1–2, F 3–4" on the R × F map, "CLV above 120.50, up to 300" for a tier. */
export function segmentDefinition(
  result: Pick<SegmentationResult, "preview" | "thresholds">,
  method: SegmentationMethod,
  s: number,
  locale: Locale,
): string {
  const segment = result.preview[s];
  if (method.kind === "rfm") {
    const known = SEGMENTS.find((candidate) => candidate.id === segment.segmentId);
    if (!known) return "";
    const range = ([low, high]: readonly [number, number]) => (low === high ? `${low}` : `${low}–${high}`);
    return t("segmentsheet.def.rfm", { r: range(known.recency), f: range(known.frequency) }, locale);
  }
  const breaks = result.thresholds[0]?.breaks ?? [];
  const measure =
    method.kind === "clvTiers"
      ? t("segmentation.value.clv", {}, locale)
      : t("segmentsheet.def.column", { column: method.column }, locale);
  const number = (value: number) => formatNumber(value, locale, 2);
  // Segments run best first. Tiers of k ranked by the k − 1 ascending breaks: segment s holds the values above
  // breaks[k − 2 − s] and up to breaks[k − 1 − s] (scores are right-closed: v ≤ t gets the lower score).
  const k = result.preview.length;
  const low = breaks[k - 2 - s];
  const high = breaks[k - 1 - s];
  const hasLow = s < k - 1 && Number.isFinite(low);
  const hasHigh = s > 0 && Number.isFinite(high);
  if (hasLow && hasHigh)
    return t("segmentsheet.def.between", { measure, low: number(low), high: number(high) }, locale);
  if (hasLow) return t("segmentsheet.def.above", { measure, low: number(low) }, locale);
  if (hasHigh) return t("segmentsheet.def.upTo", { measure, high: number(high) }, locale);
  return "";
}

/** What to do with a segment, in plain words: by name on the R × F map, by rank for tiers (best first). */
export function segmentAction(segmentId: string, s: number, count: number, locale: Locale): string {
  const known = SEGMENTS.find((candidate) => candidate.id === segmentId);
  if (known) return t(`segmentsheet.action.${known.id}` as MessageKey, {}, locale);
  if (s === 0) return t("segmentsheet.action.tierTop", {}, locale);
  if (s === count - 1) return t("segmentsheet.action.tierLast", {}, locale);
  return t(s < count / 2 ? "segmentsheet.action.tierUpper" : "segmentsheet.action.tierMiddle", {}, locale);
}

export interface CustomerSheetData {
  summary: CustomerSummary;
  /** Per customer, net of refunds. */
  revenue: ArrayLike<number>;
  /** Per customer: the segment label as written in the table, and its colour. */
  segment: string[];
  colour: string[];
  clv?: ArrayLike<number>;
  probabilityAlive?: ArrayLike<number>;
}

/** One row per customer of a transaction log: the summary statistics and the segment it was given. */
export function customerSummarySheet(data: CustomerSheetData, locale: Locale): OwnSheet {
  const { summary } = data;
  const unit = t(`segmentation.unit.${summary.timeUnit}` as MessageKey, {}, locale);
  const columns: { key: MessageKey; format: string; cell: (c: number) => CellValue }[] = [
    { key: "segmentation.customerSheet.customer", format: "@", cell: (c) => summary.ids[c] },
    { key: "segmentation.customerSheet.firstPurchase", format: DATE, cell: (c) => summary.firstPurchase[c] },
    { key: "segmentation.customerSheet.lastPurchase", format: DATE, cell: (c) => summary.lastPurchase[c] },
    { key: "segmentation.customerSheet.orders", format: COUNT, cell: (c) => summary.orders[c] },
    { key: "segmentation.customerSheet.revenue", format: MONEY, cell: (c) => data.revenue[c] },
    { key: "segmentation.customerSheet.frequency", format: COUNT, cell: (c) => summary.frequency[c] },
    { key: "segmentation.customerSheet.recency", format: "0.00", cell: (c) => summary.recency[c] },
    { key: "segmentation.customerSheet.age", format: "0.00", cell: (c) => summary.age[c] },
    { key: "segmentation.customerSheet.sinceLast", format: "0.00", cell: (c) => summary.sinceLastPurchase[c] },
    { key: "segmentation.customerSheet.monetary", format: MONEY, cell: (c) => summary.monetary[c] },
    { key: "segmentation.column.segment", format: "@", cell: (c) => data.segment[c] },
  ];
  const { clv, probabilityAlive } = data;
  if (clv) columns.push({ key: "segmentation.column.clv", format: MONEY, cell: (c) => clv[c] });
  if (probabilityAlive) {
    columns.push({ key: "segmentation.column.probabilityAlive", format: SHARE, cell: (c) => probabilityAlive[c] });
  }
  const rows: CellValue[][] = new Array(summary.count + 1);
  rows[0] = columns.map((column) => t(column.key, { unit }, locale));
  for (let c = 0; c < summary.count; c++) rows[c + 1] = columns.map((column) => column.cell(c));
  return {
    name: t("segmentation.sheet.customerSummaryName", {}, locale),
    rows,
    numberFormats: columns.map((column) => column.format),
    fills: data.colour,
  };
}

export interface WinBackData {
  summary: CustomerSummary;
  revenue: ArrayLike<number>;
  clv: ArrayLike<number>;
  alive: ArrayLike<number>;
  reasons: string[];
}

/** Share of customers, ranked by revenue to date, whose value makes them worth a win-back effort. */
export const WIN_BACK_TOP_SHARE = 0.2;

/**
 * The customers worth winning back: the top 20 % by revenue to date whose P(alive) is below `highRisk` (a high
 * churn risk), most valuable first, each with the reason in words.
 */
export function winBackSheet(data: WinBackData, highRisk: number, locale: Locale): OwnSheet {
  const { summary } = data;
  const unit = t(`segmentation.unit.${summary.timeUnit}` as MessageKey, {}, locale);
  const sortedRevenue = Float64Array.from(data.revenue).sort();
  // The revenue of the customer at the top-20 % boundary (ties included).
  const cut = sortedRevenue[Math.max(0, Math.ceil(sortedRevenue.length * (1 - WIN_BACK_TOP_SHARE)) - 1)] ?? Infinity;
  const chosen: number[] = [];
  for (let c = 0; c < summary.count; c++) {
    if (data.revenue[c] > 0 && data.revenue[c] >= cut && data.alive[c] < highRisk) chosen.push(c);
  }
  chosen.sort((a, b) => data.revenue[b] - data.revenue[a] || (summary.ids[a] < summary.ids[b] ? -1 : 1));
  const columns: { key: MessageKey; format: string; cell: (c: number) => CellValue }[] = [
    { key: "segmentation.customerSheet.customer", format: "@", cell: (c) => summary.ids[c] },
    { key: "segmentation.customerSheet.revenue", format: MONEY, cell: (c) => data.revenue[c] },
    { key: "segmentation.customerSheet.orders", format: COUNT, cell: (c) => summary.orders[c] },
    { key: "segmentation.customerSheet.lastPurchase", format: DATE, cell: (c) => summary.lastPurchase[c] },
    { key: "segmentation.column.probabilityAlive", format: SHARE, cell: (c) => data.alive[c] },
    { key: "segmentation.column.clv", format: MONEY, cell: (c) => data.clv[c] },
    { key: "segmentation.column.reason", format: "@", cell: (c) => data.reasons[c] },
  ];
  return {
    name: t("segmentation.sheet.winBackName", {}, locale),
    rows: [
      columns.map((column) => t(column.key, { unit }, locale)),
      ...chosen.map((c) => columns.map((column) => column.cell(c))),
    ],
    numberFormats: columns.map((column) => column.format),
  };
}
