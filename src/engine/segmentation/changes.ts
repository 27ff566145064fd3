/**
 * What a refresh changed: which customers moved between segments (a from × to matrix of counts and of value),
 * who is new, who is gone, and each segment's customers and value before and after. The previous segment of each
 * customer is read back from the segment column the previous run wrote in the table, so nothing per customer needs
 * to be stored in the workbook settings; only a per-segment summary is kept with the recipe.
 */
import type { CellBlockFormat, CellValue, OwnSheet } from "../sheet-data";
import { Locale, MessageKey, MessageParams, t } from "../../i18n";
import { isBlankCell } from "./cells";
import type { ChangeReport, RunSummary, SegmentationResult } from "./types";

/** The per-segment summary of a run, as kept in the recipe. */
export function runSummary(result: SegmentationResult, locale: Locale): RunSummary {
  return {
    segments: result.preview.map((segment) => ({
      label: t(segment.labelKey, segment.labelParams, locale),
      customers: segment.customers,
      value: segment.value,
      ...(segment.totalClv === undefined ? {} : { clv: segment.totalClv }),
    })),
  };
}

export interface ChangeInput {
  /** Per table row, the segment the previous run wrote ("" where it wrote none, e.g. rows added since). */
  previousLabels: readonly CellValue[];
  /** The previous run's per-segment summary, when the recipe kept one. */
  previous?: RunSummary;
  /** When the previous run was applied. */
  since: string;
  result: SegmentationResult;
  locale: Locale;
}

export function segmentChanges({ previousLabels, previous, since, result, locale }: ChangeInput): ChangeReport {
  const per = result.perCustomer;
  if (!per) throw new Error("segmentChanges needs the result's per-customer data");
  const to = result.preview.map((segment) => t(segment.labelKey, segment.labelParams, locale));
  const from = previous ? previous.segments.map((segment) => segment.label) : [...to];
  const fromIndex = new Map(from.map((label, i) => [label, i]));
  const customers = per.segment.length;
  const previousOf = new Int32Array(customers).fill(-1);
  for (let row = 0; row < previousLabels.length; row++) {
    const c = per.ofRow ? per.ofRow[row] : row;
    if (c < 0 || c >= customers || previousOf[c] >= 0) continue;
    const label = previousLabels[row];
    if (isBlankCell(label)) continue;
    const text = String(label);
    let index = fromIndex.get(text);
    if (index === undefined) {
      // A label the previous summary does not list (edited by hand, or no summary kept): its own row.
      index = from.length;
      from.push(text);
      fromIndex.set(text, index);
    }
    previousOf[c] = index;
  }
  const counts = Array.from({ length: from.length + 1 }, () => new Array<number>(to.length).fill(0));
  const values = Array.from({ length: from.length + 1 }, () => new Array<number>(to.length).fill(0));
  const matched = new Array<number>(from.length).fill(0);
  const measure = per.clv ?? per.value;
  for (let c = 0; c < customers; c++) {
    const f = previousOf[c] >= 0 ? previousOf[c] : from.length;
    if (previousOf[c] >= 0) matched[previousOf[c]]++;
    counts[f][per.segment[c]]++;
    values[f][per.segment[c]] += measure[c];
  }
  let moved = 0;
  for (let i = 0; i < from.length; i++)
    for (let j = 0; j < to.length; j++) if (from[i] !== to[j]) moved += counts[i][j];
  const known = new Map((previous?.segments ?? []).map((segment) => [segment.label, segment]));
  const lost = from.map((label, i) => {
    const before = known.get(label);
    return before ? Math.max(0, before.customers - matched[i]) : null;
  });
  const before = from.map((label, i) => known.get(label) ?? { label, customers: matched[i], value: NaN });
  return {
    since,
    from,
    to,
    counts,
    values,
    lost,
    before,
    after: runSummary(result, locale).segments,
    newCustomers: counts[from.length].reduce((sum, count) => sum + count, 0),
    moved,
  };
}

const COUNT = "#,##0";
const MONEY = "#,##0.00";
const DATE_TIME = "yyyy-mm-dd hh:mm";

/** The Changes sheet: the from × to matrices of customers and of value, then each segment before and after. */
export function changesSheet(report: ChangeReport, result: SegmentationResult, locale: Locale): OwnSheet {
  const L = (key: MessageKey, params: MessageParams = {}) => t(key, params, locale);
  const measure = result.perCustomer?.clv ? L("segmentation.value.clv") : L(result.valueKey, result.valueParams);
  const rows: CellValue[][] = [];
  const formats: CellBlockFormat[] = [];
  const bold = (row: number, columnCount = 1) => formats.push({ row, col: 0, columnCount, bold: true });
  rows.push([L("changes.title")]);
  bold(0);
  rows.push([L("changes.since"), Date.parse(report.since) / 86_400_000 + 25_569]);
  formats.push({ row: 1, col: 1, numberFormat: DATE_TIME });
  rows.push([
    L("changes.movedSummary", {
      moved: report.moved,
      added: report.newCustomers,
      lost: report.lost.reduce<number>((sum, n) => sum + (n ?? 0), 0),
    }),
  ]);
  rows.push([]);

  const matrix = (titleKey: MessageKey, cells: number[][], format: string, withLost: boolean) => {
    rows.push([L(titleKey, { measure })]);
    bold(rows.length - 1);
    const header = rows.length;
    rows.push([L("changes.fromTo"), ...report.to, ...(withLost ? [L("changes.lost")] : [])]);
    bold(header, report.to.length + 2);
    const labels = [...report.from, L("changes.new")];
    cells.forEach((line, i) =>
      rows.push([labels[i], ...line, ...(withLost ? [i < report.from.length ? (report.lost[i] ?? "") : ""] : [])]),
    );
    formats.push({
      row: header + 1,
      col: 1,
      rowCount: cells.length,
      columnCount: report.to.length + 1,
      numberFormat: format,
    });
    rows.push([]);
  };
  matrix("changes.customersMatrix", report.counts, COUNT, true);
  matrix("changes.valueMatrix", report.values, MONEY, false);

  rows.push([L("changes.perSegment")]);
  bold(rows.length - 1);
  const header = rows.length;
  rows.push([
    L("changes.segment"),
    L("changes.customersBefore"),
    L("changes.customersAfter"),
    L("changes.valueBefore", { measure }),
    L("changes.valueAfter", { measure }),
  ]);
  bold(header, 5);
  const labels = [...new Set([...report.to, ...report.from])];
  const byLabel = (list: RunSummary["segments"], label: string) => list.find((segment) => segment.label === label);
  const useClv = result.perCustomer?.clv !== undefined;
  const valueOf = (segment: RunSummary["segments"][number] | undefined) => {
    const value = segment ? (useClv ? segment.clv : segment.value) : 0;
    return value !== undefined && Number.isFinite(value) ? value : "";
  };
  for (const label of labels) {
    const before = byLabel(report.before, label);
    const after = byLabel(report.after, label);
    rows.push([label, before?.customers ?? 0, after?.customers ?? 0, valueOf(before), valueOf(after)]);
  }
  formats.push({ row: header + 1, col: 1, rowCount: labels.length, columnCount: 2, numberFormat: COUNT });
  formats.push({ row: header + 1, col: 3, rowCount: labels.length, columnCount: 2, numberFormat: MONEY });

  const width = Math.max(...rows.map((row) => row.length));
  for (const row of rows) while (row.length < width) row.push("");
  return { name: L("changes.sheetName"), rows, formats };
}
