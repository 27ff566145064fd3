/**
 * CUST.RFM and CUST.RFMSEGMENT: thin wrappers over src/engine/rfm (scoring rules in scores.ts, the segment grid in
 * segments.ts).
 */
import { InputError, naError, numError, valueError } from "../engine/errors";
import { RfmBreaks, scoreRfm } from "../engine/rfm/rfm";
import { DEFAULT_BINS, SCORING_METHODS } from "../engine/rfm/scores";
import { segmentOf } from "../engine/rfm/segments";
import { Locale, t } from "../i18n";
import {
  BLANK,
  cellToNumber,
  describeCell,
  errorCellError,
  isBlank,
  isErrorCell,
  readChoice,
  readNumber,
  readText,
  runFunction,
  toGrid,
} from "./args";
import { addressesOf } from "./cell-address";
import { currentLocale } from "./locale";
import { CellColumn, readParallelColumns } from "./summary";

/** A column of numbers where blanks become NaN; text and errors name their row. */
function numbersOf(cells: CellColumn, arg: string): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.at(i);
    if (typeof cell === "number") out[i] = cell;
    else if (isBlank(cell)) out[i] = NaN;
    else if (isErrorCell(cell)) throw errorCellError(arg, cell, i + 1);
    else {
      const number = cellToNumber(cell);
      if (!Number.isFinite(number))
        throw valueError("args.notNumberAt", { arg, row: i + 1, found: describeCell(cell) });
      out[i] = number;
    }
  }
  return out;
}

const MEASURES = ["recency", "frequency", "monetary"] as const;

/** An error about a cell of the breaks range, with the column (1-based) of the measure it is in. */
function inColumn(error: unknown, column: number): unknown {
  return error instanceof InputError && typeof error.params.row === "number"
    ? new InputError(error.kind, error.key, { ...error.params, column })
    : error;
}

/** The breaks range: bins − 1 rows × 3 columns; a blank column keeps the computed cut points. */
function readBreaks(value: unknown): RfmBreaks | undefined {
  const grid = toGrid(value ?? null);
  let rows = grid.length;
  while (rows > 0 && grid[rows - 1].every(isBlank)) rows--;
  if (rows === 0) return undefined;
  const cols = grid[0].length;
  if (cols !== 3) throw valueError("rfm.breaksShape", { rows, cols });
  const breaks: RfmBreaks = {};
  MEASURES.forEach((measure, c) => {
    const cells = grid.slice(0, rows).map((row) => row[c]);
    if (cells.every(isBlank)) return;
    const blank = cells.findIndex(isBlank);
    if (blank >= 0) throw valueError("rfm.breaksPartlyBlank", { measure, row: blank + 1, column: c + 1 });
    try {
      breaks[measure] = numbersOf(CellColumn.of(cells), "breaks");
    } catch (error) {
      throw inColumn(error, c + 1);
    }
  });
  return breaks;
}

const scoreOrBlank = (score: number) => (score === 0 ? BLANK : score);
const numberOrBlank = (value: number) => (Number.isNaN(value) ? BLANK : value);

/**
 * RFM scores by quantile: R (reversed: most recent = highest), F, M and the code R·100+F·10+M, one row per customer. Ties get the same score; blanks are scored blank. output "thresholds" shows the cut points.
 * @customfunction RFM
 * @helpurl https://localhost:3000/functions.html#RFM
 * @requiresParameterAddresses
 * @param recency Time since each customer's last purchase (days, weeks…), smaller is better; from CUST.SUMMARY that is T − recency (its recency is first to last purchase). A column.
 * @param frequency Number of purchases (or repeat purchases) of each customer, same rows as recency.
 * @param monetary Amount per customer (average basket or total spend), same rows as recency.
 * @param [bins] Number of scores, 2 to 10. Default 5 (quintiles); 4 for quartiles, 10 for deciles.
 * @param [method] "quantile" (default: cut points at PERCENTILE.INC of the values) or "equal" (equal-width bins from min to max).
 * @param [output] "scores" (default): R, F, M, code per row. "thresholds": the cut points per measure (score k: above cut k−1, up to cut k) and the distinct scores given.
 * @param [breaks] Your own cut points: bins−1 ascending rows × 3 columns (recency, frequency, monetary), as output "thresholds" lists them. A blank column keeps the computed ones.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns Scores per row, or the thresholds table.
 */
export function rfm(
  recency: unknown[][],
  frequency: unknown[][],
  monetary: unknown[][],
  bins?: unknown,
  method?: unknown,
  output?: unknown,
  breaks?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["recency", "frequency", "monetary", "bins", "method", "output", "breaks"]);
  return runFunction(() => {
    const columns = readParallelColumns([
      { arg: "recency", value: recency },
      { arg: "frequency", value: frequency },
      { arg: "monetary", value: monetary },
    ]);
    if (columns[0].length === 0) throw valueError("rfm.noValues");
    const [r, f, m] = columns.map((cells, k) => numbersOf(cells, MEASURES[k]));
    const userBreaks = readBreaks(breaks);
    const binCount = readNumber(bins, "bins", { default: NaN });
    if (!Number.isNaN(binCount) && !(Number.isInteger(binCount) && binCount >= 2 && binCount <= 10)) {
      throw numError("rfm.binsRange", { found: binCount });
    }
    const options = {
      bins: Number.isNaN(binCount) ? (userBreaks ? undefined : DEFAULT_BINS) : binCount,
      method: readChoice(method, "method", SCORING_METHODS, "quantile"),
      breaks: userBreaks,
    };
    let result: ReturnType<typeof scoreRfm>;
    try {
      result = scoreRfm(r, f, m, options);
    } catch (error) {
      // A break that does not rise names its measure's column of the breaks range.
      const measure = error instanceof InputError ? MEASURES.indexOf(error.params.measure as never) : -1;
      throw measure >= 0 ? inColumn(error, measure + 1) : error;
    }
    if (readChoice(output, "output", ["scores", "thresholds"] as const, "scores") === "thresholds") {
      return thresholdsTable(result, currentLocale());
    }
    // At most 11³ distinct rows (scores 0 = blank, 1..10): rows with the same scores share one array, so a
    // million-row spill allocates a thousand rows, not a million (Excel copies the values out either way).
    const distinct = new Array<unknown[] | undefined>(11 * 11 * 11);
    const rows: unknown[][] = new Array(r.length);
    for (let i = 0; i < r.length; i++) {
      const rs = result.recency.scores[i];
      const fs = result.frequency.scores[i];
      const ms = result.monetary.scores[i];
      const key = (rs * 11 + fs) * 11 + ms;
      let row = distinct[key];
      if (row === undefined) {
        const code = result.codes[i];
        row = [scoreOrBlank(rs), scoreOrBlank(fs), scoreOrBlank(ms), code === 0 ? BLANK : code];
        distinct[key] = row;
      }
      rows[i] = row;
    }
    return rows;
  }, addresses);
}

function thresholdsTable(result: ReturnType<typeof scoreRfm>, locale: Locale): unknown[][] {
  const measures = [result.recency, result.frequency, result.monetary];
  const table: unknown[][] = [
    [
      t("rfm.header.cutPoint", {}, locale),
      t("rfm.header.recency", {}, locale),
      t("rfm.header.frequency", {}, locale),
      t("rfm.header.monetary", {}, locale),
    ],
  ];
  for (let k = 0; k < result.recency.thresholds.length; k++) {
    table.push([k + 1, ...measures.map((scores) => numberOrBlank(scores.thresholds[k]))]);
  }
  table.push([t("rfm.header.distinctScores", {}, locale), ...measures.map((scores) => scores.distinctBins)]);
  return table;
}

/** "en", "fr", "fr-FR", "English", "français"…; the functions' language when omitted. */
function readLanguage(value: unknown): Locale {
  const text = readText(value, "language").trim().toLowerCase();
  if (text === "") return currentLocale();
  if (text.startsWith("en") || text === "anglais") return "en";
  if (text.startsWith("fr")) return "fr";
  throw valueError("segments.language", { found: text });
}

/**
 * RFM segment name (Champions, Loyal Customers … Hibernating) from the R and F scores 1–5, on the 10-segment R×F grid. Names in Excel's language unless language is given.
 * @customfunction RFMSEGMENT
 * @helpurl https://localhost:3000/functions.html#RFMSEGMENT
 * @requiresParameterAddresses
 * @param r_score R scores 1–5, a cell or a column (e.g. the first column spilled by CUST.RFM).
 * @param f_score F scores 1–5, the same size as r_score.
 * @param [m_score] M scores 1–5: checked, but the grid depends on R and F only, so M never changes the segment.
 * @param [language] "en" (English) or "fr" (French). Default: Excel's display language.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The segment name per row; blank where a score is blank.
 */
export function rfmsegment(
  r_score: unknown[][],
  f_score: unknown[][],
  m_score?: unknown[][],
  language?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["r_score", "f_score", "m_score", "language"]);
  return runFunction(() => {
    const locale = readLanguage(language);
    const given = [
      { arg: "r_score", value: r_score },
      { arg: "f_score", value: f_score },
    ];
    const hasM = m_score !== null && m_score !== undefined && !toGrid(m_score).flat().every(isBlank);
    if (hasM) given.push({ arg: "m_score", value: m_score });
    const columns = readParallelColumns(given);
    const single = columns[0].length === 1 && toGrid(r_score).length === 1;
    const scores = columns.map((cells, k) => {
      const values = numbersOf(cells, given[k].arg);
      values.forEach((value, i) => {
        if (!Number.isNaN(value) && !(Number.isInteger(value) && value >= 1 && value <= 5)) {
          throw single
            ? numError("segments.scoreOutOfRangeSingle", { arg: given[k].arg, found: value })
            : numError("segments.scoreOutOfRange", { arg: given[k].arg, row: i + 1, found: value });
        }
      });
      return values;
    });
    if (scores[0].length === 0) {
      // A single blank cell is a blank score (a formula filled down past the last customer); blank ranges are said.
      if (given.every(({ value }) => toGrid(value ?? null).flat().length <= 1)) return [[BLANK]];
      throw naError("args.allBlank", { args: given.map(({ arg }) => arg).join(", ") });
    }
    // One row per (R, F) cell of the grid, shared by the rows that fall in it.
    const byCell = new Map<number, unknown[]>();
    return Array.from(scores[0], (r, i) => {
      const f = scores[1][i];
      const key = Number.isNaN(r) || Number.isNaN(f) ? -1 : r * 10 + f;
      let row = byCell.get(key);
      if (row === undefined) {
        const segment = segmentOf(r, f);
        row = [segment ? t(segment.labelKey, {}, locale) : BLANK];
        byCell.set(key, row);
      }
      return row;
    });
  }, addresses);
}
