/**
 * The sheets the pane writes besides our columns: "Segments" (one row per segment, with a native chart) and,
 * for a transaction log, the per-customer summary the segments were computed on.
 */
import type { CellValue, OwnSheet } from "../sheet-data";
import { Locale, MessageKey, t } from "../../i18n";
import type { CustomerSummary } from "../transactions/summary";
import type { SegmentationResult } from "./types";

const MONEY = "#,##0.00";
const SHARE = "0.0%";
const COUNT = "#,##0";
const DATE = "yyyy-mm-dd";

/** Per segment: customers, shares, revenue or the value measure, and with CLV its average, total and max CAC. */
export function segmentSummarySheet(result: SegmentationResult, locale: Locale): OwnSheet {
  const { preview } = result;
  const hasRevenue = preview.some((segment) => segment.revenue !== undefined);
  const hasClv = preview.some((segment) => segment.totalClv !== undefined);
  const valueIsOwn = result.valueKey === "segmentation.value.column";
  const columns: { header: string; format: string; cell: (s: (typeof preview)[number]) => CellValue }[] = [
    {
      header: t("segmentation.sheet.segment", {}, locale),
      format: "@",
      cell: (s) => t(s.labelKey, s.labelParams, locale),
    },
    { header: t("segmentation.sheet.customers", {}, locale), format: COUNT, cell: (s) => s.customers },
    { header: t("segmentation.sheet.customerShare", {}, locale), format: SHARE, cell: (s) => s.customerShare },
  ];
  if (hasRevenue) {
    columns.push({ header: t("segmentation.sheet.revenue", {}, locale), format: MONEY, cell: (s) => s.revenue ?? "" });
  }
  if (valueIsOwn) {
    columns.push({ header: t(result.valueKey, result.valueParams, locale), format: MONEY, cell: (s) => s.value });
  } else if (!hasRevenue && !hasClv) {
    columns.push({ header: t("segmentation.sheet.revenue", {}, locale), format: MONEY, cell: (s) => s.value });
  }
  columns.push({ header: t("segmentation.sheet.valueShare", {}, locale), format: SHARE, cell: (s) => s.valueShare });
  if (hasClv) {
    columns.push(
      { header: t("segmentation.sheet.averageClv", {}, locale), format: MONEY, cell: (s) => s.averageClv ?? "" },
      { header: t("segmentation.sheet.totalClv", {}, locale), format: MONEY, cell: (s) => s.totalClv ?? "" },
      { header: t("segmentation.sheet.maxCac", {}, locale), format: MONEY, cell: (s) => s.maxCac ?? "" },
    );
  }
  return {
    name: t("segmentation.sheet.name", {}, locale),
    rows: [
      columns.map((column) => column.header),
      ...preview.map((segment) => columns.map((column) => column.cell(segment))),
    ],
    numberFormats: columns.map((column) => column.format),
    chart: { title: t("segmentation.sheet.chartTitle", {}, locale), valueColumn: 1, type: "bar" },
    fills: preview.map((segment) => segment.colour),
  };
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
