/**
 * The Model sheet: the model card of CLV tiers on a transaction log, readable without the add-in. Blocks of
 * labelled cells, top to bottom: what the model is and how it was chosen, the data window and the split, the
 * headline accuracy on the holdout, the comparison of the candidate models, the parameters the predictions use
 * with their standard errors, the data-quality findings, holdout purchases by calibration frequency and the
 * tracking per period; native charts of the tracking (incremental and cumulative, with the end of calibration
 * marked) and of the holdout by frequency sit at the right of the tables.
 */
import type { CellBlockFormat, CellValue, OwnSheet, SheetChart } from "../sheet-data";
import { formatNumber, Locale, MessageKey, MessageParams, t } from "../../i18n";
import { describeDiagnosis } from "../models/diagnosis";
import type { ModelReport } from "../models/report";
import { isoDate } from "../transactions/dates";
import type { TableIssue } from "./types";

const COUNT = "#,##0";
const DECIMAL = "#,##0.0";
const TWO = "#,##0.00";
const PARAMETER = "0.0000";
const MEAN = "0.000";
const SHARE = "0.0%";
const DATE = "yyyy-mm-dd";
const DATE_TIME = "yyyy-mm-dd hh:mm";
/** The charts' first column: right of the widest table (the tracking's 8 columns) and a gap. */
const CHART_COL = 10;
/** holdoutByFrequency's last group (its default max_group): customers with 7 or more repeat purchases. */
const HOLDOUT_LAST_GROUP = 7;
const CHART_ROWS = 16;
const CHART_COLUMNS = 8;
/** Column widths in points: the labels' column, then the figures'. */
const LABEL_POINTS = 230;
const FIGURE_POINTS = 90;

export interface ModelSheetAbout {
  tableName: string;
  /** ISO 8601 date-time of the apply or refresh. */
  writtenAt: string;
  /** Data-quality findings of the run (the Preview's warnings). */
  findings: readonly TableIssue[];
}

/** The Model sheet's name as Apply wants it (before any "(2)"). */
export const modelSheetName = (locale: Locale) => t("modelsheet.sheetName", {}, locale);

/** −12.3 % style: the sign always shown, as a change is read. */
export function signedPercent(share: number, locale: Locale): string {
  if (!Number.isFinite(share)) return "";
  const sign = share > 0 ? "+" : share < 0 ? "−" : "";
  return `${sign}${formatNumber(Math.abs(share) * 100, locale, 1)} %`;
}

/** The headline accuracy line ("Holdout purchases: predicted 1,652, actual 1,881, −12.2 %; …"), or why none. */
export function accuracyLine(report: ModelReport, locale: Locale): string {
  const accuracy = report.holdout?.accuracy;
  if (accuracy) {
    return t(
      "modelsheet.headline",
      {
        predicted: formatNumber(accuracy.predictedTotal, locale, 0),
        actual: formatNumber(accuracy.actualTotal, locale, 0),
        error: signedPercent(accuracy.relativeError, locale),
        mae: formatNumber(accuracy.meanAbsoluteError, locale, 3),
      },
      locale,
    );
  }
  if (report.fallback) {
    return t(
      "modelsheet.headlineNoHoldout",
      { reason: t(report.fallback.key, report.fallback.params, locale) },
      locale,
    );
  }
  return t("modelsheet.headlineGiven", {}, locale);
}

/** The status keyword, the same in every language as CUST.FIT's status row. */
const statusText = (status: ModelReport["status"]) => status;

/** The Model sheet of a report. */
export function modelSheet(report: ModelReport, locale: Locale, about: ModelSheetAbout): OwnSheet {
  const L = (key: MessageKey, params: MessageParams = {}) => t(key, params, locale);
  const unit = L(`modelsheet.unit.${report.timeUnit}`);
  const rows: CellValue[][] = [];
  const formats: CellBlockFormat[] = [];
  const charts: SheetChart[] = [];
  const bold = (row: number, columnCount = 1) => formats.push({ row, col: 0, columnCount, bold: true });
  const format = (row: number, col: number, numberFormat: string, rowCount = 1) =>
    formats.push({ row, col, rowCount, numberFormat });
  const heading = (text: string) => {
    rows.push([]);
    rows.push([text]);
    bold(rows.length - 1);
  };
  /** A label and values, each value with its number format. */
  const line = (label: string, ...values: { value: CellValue; format?: string }[]) => {
    const row = rows.length;
    rows.push([label, ...values.map((item) => item.value)]);
    values.forEach((item, i) => item.format && format(row, i + 1, item.format));
  };
  const text = (value: string) => ({ value });
  const number = (value: number, numberFormat: string) => ({
    value: Number.isFinite(value) ? value : "",
    format: numberFormat,
  });
  const date = (serial: number) => ({ value: serial, format: DATE });
  /** A header row then data rows, each column with its format; returns the header's row. */
  const table = (headers: string[], body: CellValue[][], columnFormats: (string | undefined)[]): number => {
    const top = rows.length;
    rows.push(headers);
    bold(top, headers.length);
    for (const row of body)
      rows.push(row.map((cell) => (typeof cell === "number" && !Number.isFinite(cell) ? "" : cell)));
    columnFormats.forEach(
      (numberFormat, c) => numberFormat && body.length > 0 && format(top + 1, c, numberFormat, body.length),
    );
    return top;
  };

  rows.push([L("modelsheet.title", { table: about.tableName })]);
  bold(0);
  rows.push([L("modelsheet.intro")]);

  heading(L("modelsheet.about"));
  line(L("modelsheet.model"), text(report.label));
  const chosenBy = report.comparison
    ? L("modelsheet.chosenBy.holdout")
    : report.fallback
      ? L("modelsheet.chosenBy.fallback", { reason: t(report.fallback.key, report.fallback.params, locale) })
      : L("modelsheet.chosenBy.given");
  line(L("modelsheet.chosenBy"), text(chosenBy));
  line(L("modelsheet.status"), text(statusText(report.status)), text(describeDiagnosis(report.diagnosis, locale)));
  line(L("modelsheet.firstPurchase"), date(report.firstPurchase));
  line(L("modelsheet.lastPurchase"), date(report.lastPurchase));
  line(L("modelsheet.asOf"), date(report.asOf));
  if (report.calibrationEnd !== null) {
    line(L("modelsheet.calibration"), date(report.firstPurchase), date(report.calibrationEnd));
    line(
      L("modelsheet.holdout"),
      date(report.calibrationEnd + 1),
      date(report.asOf),
      text(
        L("modelsheet.holdoutRange", {
          from: isoDate(report.calibrationEnd + 1),
          to: isoDate(report.asOf),
          length: formatNumber(report.holdout?.length ?? 0, locale, 1),
          unit,
        }),
      ),
    );
  } else {
    line(L("modelsheet.holdout"), text(L("modelsheet.noHoldout")));
  }
  line(L("modelsheet.customers"), number(report.customers, COUNT));
  line(L("modelsheet.transactions"), number(report.transactions, COUNT));
  line(L("modelsheet.tracked"), number(report.trackedCustomers, COUNT));
  line(L("modelsheet.timeUnit"), text(unit));
  line(L("modelsheet.version"), text(report.version));
  line(L("modelsheet.writtenAt"), { value: Date.parse(about.writtenAt) / 86_400_000 + 25_569, format: DATE_TIME });

  heading(L("modelsheet.accuracy"));
  rows.push([accuracyLine(report, locale)]);

  if (report.comparison) {
    heading(L("modelsheet.comparison"));
    table(
      [
        L("modelsheet.header.model"),
        L("modelsheet.header.logLikelihood"),
        L("modelsheet.header.aic"),
        L("modelsheet.header.bic"),
        L("modelsheet.header.predicted"),
        L("modelsheet.header.actual"),
        L("modelsheet.header.error"),
        L("modelsheet.header.mae"),
        L("modelsheet.header.status"),
        L("modelsheet.header.chosen"),
      ],
      report.comparison.rows.map((row) => [
        row.label,
        row.logLikelihood,
        row.aic,
        row.bic,
        row.holdout.predictedTotal,
        row.holdout.actualTotal,
        row.holdout.relativeError,
        row.holdout.meanAbsoluteError,
        statusText(row.status),
        row.chosen ? L("modelsheet.yes") : "",
      ]),
      [undefined, TWO, TWO, TWO, DECIMAL, COUNT, SHARE, MEAN],
    );
  }

  heading(L("modelsheet.parameters", { model: report.label }));
  table(
    [L("modelsheet.header.parameter"), L("modelsheet.header.estimate"), L("modelsheet.header.standardError")],
    report.parameters.map((parameter) => [parameter.name, parameter.value, parameter.standardError]),
    [undefined, PARAMETER, PARAMETER],
  );
  line(L("modelsheet.logLikelihood"), number(report.logLikelihood, TWO));
  line(L("modelsheet.aic"), number(report.aic, TWO));
  line(L("modelsheet.bic"), number(report.bic, TWO));
  line(L("modelsheet.n"), number(report.n, COUNT));

  heading(L("modelsheet.findings"));
  if (about.findings.length === 0) rows.push([L("modelsheet.noFindings")]);
  for (const finding of about.findings) rows.push([t(finding.key, finding.params, locale), finding.cells.join(", ")]);

  if (report.holdout && report.holdout.rows.length > 0) {
    heading(L("modelsheet.byFrequency"));
    const groups = report.holdout.rows;
    const top = table(
      [
        L("modelsheet.header.group"),
        L("modelsheet.header.groupCustomers"),
        L("modelsheet.header.actualMean"),
        L("modelsheet.header.predictedMean"),
      ],
      // The last group collects every customer with that many repeat purchases or more (CUST.HOLDOUTCHECK's 7+).
      groups.map((row) => [
        row.bucket >= HOLDOUT_LAST_GROUP ? `${row.bucket}+` : String(row.bucket),
        row.customers,
        row.actual,
        row.predicted,
      ]),
      [undefined, COUNT, MEAN, MEAN],
    );
    charts.push({
      title: L("modelsheet.chart.byFrequency"),
      type: "column",
      values: { row: top, col: 2, count: groups.length },
      moreValues: [{ row: top, col: 3, count: groups.length }],
      categories: { row: top + 1, col: 0, count: groups.length },
      anchor: { row: 0, col: CHART_COL },
      extent: { rows: CHART_ROWS, columns: CHART_COLUMNS },
      categoryAxisTitle: L("modelsheet.chart.groupAxis"),
      valueAxisTitle: L("modelsheet.chart.meanAxis"),
    });
  }

  if (report.tracking.length > 0) {
    heading(L("modelsheet.tracking", { unit }));
    const marked = report.calibrationEnd !== null && report.calibrationPeriods > 0 ? report.calibrationPeriods - 1 : -1;
    const max = (pick: (row: ModelReport["tracking"][number]) => number) =>
      Math.max(0, ...report.tracking.map(pick).filter((value) => Number.isFinite(value)));
    const incrementalTop = max((row) => Math.max(row.actual, row.model));
    const cumulativeTop = max((row) => Math.max(row.actualCumulative, row.modelCumulative));
    const withMarker = marked >= 0;
    const top = table(
      [
        L("modelsheet.header.period"),
        L("modelsheet.header.periodEnd"),
        L("modelsheet.header.actual.incremental"),
        L("modelsheet.header.model.incremental"),
        L("modelsheet.header.actual.cumulative"),
        L("modelsheet.header.model.cumulative"),
        ...(withMarker ? [L("modelsheet.header.marker"), L("modelsheet.header.markerCumulative")] : []),
      ],
      report.tracking.map((row, k) => [
        row.end,
        row.endDate,
        row.actual,
        row.model,
        row.actualCumulative,
        row.modelCumulative,
        // The marker: a single column at the last calibration period, as tall as the chart.
        ...(withMarker ? (k === marked ? [incrementalTop, cumulativeTop] : ["", ""]) : []),
      ]),
      [undefined, DATE, COUNT, DECIMAL, COUNT, DECIMAL, DECIMAL, DECIMAL],
    );
    const count = report.tracking.length;
    const chart = (title: string, actualCol: number, markerCol: number, row: number): SheetChart => ({
      title,
      type: "line",
      values: { row: top, col: actualCol, count },
      moreValues: [
        { row: top, col: actualCol + 1, count },
        ...(withMarker ? [{ row: top, col: markerCol, count, type: "column" as const }] : []),
      ],
      categories: { row: top + 1, col: 0, count },
      anchor: { row, col: CHART_COL },
      extent: { rows: CHART_ROWS, columns: CHART_COLUMNS },
      categoryAxisTitle: L("modelsheet.chart.periodAxis", { unit }),
      valueAxisTitle: L("modelsheet.chart.purchasesAxis"),
    });
    const below = charts.length * (CHART_ROWS + 1);
    charts.push(chart(L("modelsheet.chart.cumulative"), 4, 7, below));
    charts.push(chart(L("modelsheet.chart.incremental"), 2, 6, below + CHART_ROWS + 1));
  }

  // Excel writes a rectangle: every row as wide as the widest.
  const width = Math.max(...rows.map((row) => row.length));
  const grid = rows.map((row) =>
    row.length < width ? [...row, ...Array<CellValue>(width - row.length).fill("")] : row,
  );
  // Labels in A, figures beside; long lines (the intro, the accuracy, findings) run over the next cells.
  const columnWidths = [LABEL_POINTS, ...Array<number>(width - 1).fill(FIGURE_POINTS)];
  return { name: modelSheetName(locale), rows: grid, formats, charts, columnWidths };
}
