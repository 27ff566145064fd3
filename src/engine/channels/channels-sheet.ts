/**
 * The Channels sheet: value by group (channel, country…), readable without the add-in. Its assumptions first (the
 * data, the CLV settings, each formula in words, the spend table and any problem in it), then one row per group —
 * customers, predicted CLV total and average, each with its low and high (group-ranges.ts), average P(alive), revenue,
 * monthly revenue per customer, spend and its period, customers acquired in the period, CAC, LTV:CAC, payback and the
 * maximum affordable CAC — a totals row, and native charts of the average CLV (with its low and high) and of the CAC
 * the groups can afford.
 */
import { Locale, MessageKey, MessageParams, t } from "../../i18n";
import type { CellBlockFormat, CellValue, OwnSheet, SheetChart } from "../sheet-data";
import { ADDIN_VERSION } from "../version";
import type { SpendIssue } from "./spend-table";
import { hasRange } from "./group-ranges";
import { byAverageClv, ChannelBase, GroupValue, valueByGroup, GroupSpend } from "./value-by-group";

const MONEY = "#,##0.00";
const COUNT = "#,##0";
const SHARE = "0.0%";
const RATIO = "0.00";
const MONTHS = "0.0";
const DATE = "yyyy-mm-dd";
const DATE_TIME = "yyyy-mm-dd hh:mm";

export const channelsSheetName = (locale: Locale) => t("channels.sheetName", {}, locale);

export interface ChannelsAbout {
  tableName: string;
  /** The spend table read (or just created), by name. */
  spendTable: string;
  /** true when the pane created the spend table on this run (its spend column is still blank). */
  spendTableCreated: boolean;
  issues: readonly SpendIssue[];
  /** ISO 8601 date-time of the apply or refresh. */
  writtenAt: string;
}

const excelSerial = (iso: string) => Date.parse(iso) / 86_400_000 + 25_569;

/** One column of the group table: header, format, the cell of a group and of the totals row. */
interface Column {
  header: string;
  format: string;
  cell: (value: GroupValue) => CellValue;
  total: CellValue;
}

/** 10% in English, 10 % in French. */
const percentText = (p: number, locale: Locale) => {
  const value = Math.round(p * 1000) / 10;
  return locale === "fr" ? `${String(value).replace(".", ",")} %` : `${value}%`;
};

const orBlank = (value: number | null) => (value === null || !Number.isFinite(value) ? "" : value);

/** The sheet, and the values behind it (for the pane's notice and the tests). */
export function channelsSheet(
  base: ChannelBase,
  spends: readonly GroupSpend[],
  locale: Locale,
  about: ChannelsAbout,
): { sheet: OwnSheet; values: GroupValue[] } {
  const L = (key: MessageKey, params: MessageParams = {}) => t(key, params, locale);
  const values = byAverageClv(valueByGroup(base, spends));
  const rows: CellValue[][] = [];
  const formats: CellBlockFormat[] = [];
  const bold = (row: number, columnCount = 1) => formats.push({ row, col: 0, columnCount, bold: true });
  const line = (label: string, ...cells: { value: CellValue; format?: string }[]) => {
    const row = rows.length;
    rows.push([label, ...cells.map((cell) => cell.value)]);
    cells.forEach((cell, i) => {
      if (cell.format) formats.push({ row, col: i + 1, numberFormat: cell.format });
    });
  };
  const text = (value: string) => ({ value });
  const blankLabel = L("channels.group.blank");
  const label = (value: GroupValue) => (value.label === "" ? blankLabel : value.label);

  rows.push([L("channels.title", { column: base.column, table: about.tableName })]);
  bold(0);
  rows.push([]);
  rows.push([L("channels.assumptions")]);
  bold(rows.length - 1);
  const customers = values.reduce((sum, value) => sum + value.customers, 0);
  line(L("channels.table"), text(about.tableName));
  line(L("channels.compareBy"), text(base.column), text(L("channels.compareByValue")));
  line(
    L("channels.customers"),
    { value: customers, format: COUNT },
    { value: values.length, format: COUNT },
    text(L("channels.groups")),
  );
  line(L("channels.window"), { value: base.firstDay, format: DATE }, { value: base.lastDay, format: DATE });
  line(L("channels.clv"), text(L("channels.clvValue", { months: base.horizonMonths })));
  // The ranges, when at least one could be computed; otherwise the assumptions say why there are none.
  const given = base.ranges && "groups" in base.ranges ? base.ranges : null;
  const ranges = given && (hasRange(given.total) || given.groups.some(hasRange)) ? given : null;
  if (base.ranges) {
    const failed = given ? given.total : base.ranges;
    const why = ranges ? null : (failed as { issue: { key: MessageKey; params: MessageParams } }).issue;
    line(
      L("channels.range"),
      text(
        ranges
          ? L("channels.rangeValue", {
              low: percentText(ranges.percentiles.low, locale),
              high: percentText(ranges.percentiles.high, locale),
              draws: ranges.draws,
              seed: String(ranges.seed),
            })
          : L(why!.key, why!.params),
      ),
    );
  }
  line(L("channels.margin"), { value: base.margin, format: SHARE });
  line(L("channels.discount"), { value: base.discountRate, format: SHARE }, text(L("channels.discountNote")));
  line(L("channels.cacRule"), text(L("channels.cacRuleValue")));
  line(L("channels.ltvCacRule"), text(L("channels.ltvCacRuleValue")));
  line(L("channels.paybackRule"), text(L("channels.paybackRuleValue")));
  line(L("channels.monthlyRevenueRule"), text(L("channels.monthlyRevenueRuleValue")));
  line(L("channels.maxCacRule"), text(L("channels.maxCacRuleValue")));
  line(
    L("channels.spendTable"),
    text(about.spendTable),
    text(L(about.spendTableCreated ? "channels.spendTableCreated" : "channels.spendTableRead")),
  );
  for (const issue of about.issues) line(L("channels.spendIssue"), text(L(issue.key, issue.params)));
  const missing = values.filter((value) => value.period === null).map(label);
  if (missing.length > 0 && !about.spendTableCreated) {
    line(L("channels.spendMissing"), text(L("channels.spendMissingValue", { groups: missing.join(", ") })));
  }
  line(L("channels.version"), text(L("channels.versionValue", { version: ADDIN_VERSION })));
  line(L("channels.writtenOn"), { value: excelSerial(about.writtenAt), format: DATE_TIME });
  rows.push([]);

  const totalClv = values.reduce((sum, value) => sum + value.totalClv, 0);
  const aliveSum = values.reduce((sum, value) => sum + value.averageAlive * value.customers, 0);
  const revenue = values.reduce((sum, value) => sum + value.revenue, 0);
  const spent = values.filter((value) => value.spend !== null);
  const totalSpend = spent.reduce((sum, value) => sum + (value.spend as number), 0);
  const noteOf = (value: GroupValue) =>
    [
      value.noCac ? L(`channels.note.${value.noCac}`) : "",
      value.noRange && ranges ? L("channels.note.noRange", { reason: L(value.noRange.key, value.noRange.params) }) : "",
    ]
      .filter((note) => note !== "")
      .join("; ");
  // The range columns, when the ranges were computed: the totals row carries the range of all the customers.
  const rangeColumns = (kind: "total" | "average"): Column[] => {
    if (!ranges) return [];
    const low = percentText(ranges.percentiles.low, locale);
    const high = percentText(ranges.percentiles.high, locale);
    const all = hasRange(ranges.total) ? ranges.total : null;
    const perCustomer = (v: number | undefined) => (v === undefined || customers === 0 ? "" : v / customers);
    return kind === "total"
      ? [
          {
            header: L("channels.col.totalClvLow", { p: low }),
            format: MONEY,
            cell: (value) => orBlank(value.totalClvLow),
            total: all ? all.low : "",
          },
          {
            header: L("channels.col.totalClvHigh", { p: high }),
            format: MONEY,
            cell: (value) => orBlank(value.totalClvHigh),
            total: all ? all.high : "",
          },
        ]
      : [
          {
            header: L("channels.col.averageClvLow", { p: low }),
            format: MONEY,
            cell: (value) => orBlank(value.averageClvLow),
            total: perCustomer(all?.low),
          },
          {
            header: L("channels.col.averageClvHigh", { p: high }),
            format: MONEY,
            cell: (value) => orBlank(value.averageClvHigh),
            total: perCustomer(all?.high),
          },
        ];
  };
  const columns: Column[] = [
    { header: base.column, format: "@", cell: label, total: L("channels.total") },
    { header: L("channels.col.customers"), format: COUNT, cell: (value) => value.customers, total: customers },
    { header: L("channels.col.totalClv"), format: MONEY, cell: (value) => value.totalClv, total: totalClv },
    ...rangeColumns("total"),
    {
      header: L("channels.col.averageClv"),
      format: MONEY,
      cell: (value) => value.averageClv,
      total: customers === 0 ? 0 : totalClv / customers,
    },
    ...rangeColumns("average"),
    {
      header: L("channels.col.averageAlive"),
      format: SHARE,
      cell: (value) => value.averageAlive,
      total: customers === 0 ? 0 : aliveSum / customers,
    },
    { header: L("channels.col.revenue"), format: MONEY, cell: (value) => value.revenue, total: revenue },
    { header: L("channels.col.monthlyRevenue"), format: MONEY, cell: (value) => value.monthlyRevenue, total: "" },
    {
      header: L("channels.col.spend"),
      format: MONEY,
      cell: (value) => orBlank(value.spend),
      total: spent.length === 0 ? "" : totalSpend,
    },
    { header: L("channels.col.from"), format: DATE, cell: (value) => orBlank(value.period?.from ?? null), total: "" },
    { header: L("channels.col.to"), format: DATE, cell: (value) => orBlank(value.period?.to ?? null), total: "" },
    {
      header: L("channels.col.acquired"),
      format: COUNT,
      cell: (value) => orBlank(value.acquiredInPeriod),
      total: "",
    },
    { header: L("channels.col.cac"), format: MONEY, cell: (value) => orBlank(value.cac), total: "" },
    { header: L("channels.col.ltvCac"), format: RATIO, cell: (value) => orBlank(value.ltvCac), total: "" },
    { header: L("channels.col.payback"), format: MONTHS, cell: (value) => orBlank(value.paybackMonths), total: "" },
    { header: L("channels.col.maxCac"), format: MONEY, cell: (value) => value.maxCac, total: "" },
    { header: L("channels.col.note"), format: "@", cell: noteOf, total: "" },
  ];
  const headerRow = rows.length;
  rows.push(columns.map((column) => column.header));
  bold(headerRow, columns.length);
  for (const value of values) rows.push(columns.map((column) => column.cell(value)));
  const totalRow = rows.length;
  rows.push(columns.map((column) => column.total));
  bold(totalRow, columns.length);
  const first = headerRow + 1;
  columns.forEach((column, c) =>
    formats.push({ row: first, col: c, rowCount: values.length + 1, numberFormat: column.format }),
  );

  // Beside the table: what a customer of each group is worth, and what the groups can afford to pay for one.
  const categories = { row: first, col: 0, count: values.length };
  const column = (key: MessageKey) => columns.findIndex((item) => item.header === L(key));
  const anchorCol = columns.length + 1;
  // The average CLV with its low and high beside it, when there are ranges.
  const averageRange = rangeColumns("average").map((item) => ({
    row: headerRow,
    col: columns.findIndex((other) => other.header === item.header),
    count: values.length,
  }));
  const charts: SheetChart[] = [
    {
      title: L("channels.chart.averageClv", { column: base.column }),
      type: "bar",
      values: { row: headerRow, col: column("channels.col.averageClv"), count: values.length },
      ...(averageRange.length > 0 ? { moreValues: averageRange } : {}),
      categories,
      anchor: { row: headerRow, col: anchorCol },
    },
    {
      title: L("channels.chart.maxCac", { column: base.column }),
      type: "bar",
      values: { row: headerRow, col: column("channels.col.maxCac"), count: values.length },
      categories,
      anchor: { row: headerRow + 16, col: anchorCol },
    },
  ];
  if (values.some((value) => value.cac !== null)) {
    charts.push({
      title: L("channels.chart.cac", { column: base.column }),
      type: "bar",
      values: { row: headerRow, col: column("channels.col.cac"), count: values.length },
      categories,
      anchor: { row: headerRow + 32, col: anchorCol },
    });
  }

  const width = Math.max(...rows.map((row) => row.length));
  const padded = rows.map((row) =>
    row.length < width ? [...row, ...Array<CellValue>(width - row.length).fill("")] : row,
  );
  // Fixed widths (in points, from characters as Excel counts them), so the assumptions' long notes run over the next
  // cells instead of widening the group table's columns.
  const points = (chars: number) => (chars * 7 + 5) * 0.75;
  const columnWidths = [points(46), ...Array<number>(width - 1).fill(points(16))];
  return { sheet: { name: channelsSheetName(locale), rows: padded, formats, charts, columnWidths }, values };
}
