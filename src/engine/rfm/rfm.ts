/**
 * RFM scoring of a customer table: recency (time since the last purchase, reversed so the most recent customers
 * score highest), frequency and monetary value, each scored into the same number of bins (quintiles by default),
 * and the combined code R·100 + F·10 + M (Hughes, "Strategic Database Marketing", 1994).
 */
import { valueError } from "../errors";
import { ColumnScores, DEFAULT_BINS, ScoringMethod, scoreColumn } from "./scores";

export interface RfmBreaks {
  recency?: ArrayLike<number>;
  frequency?: ArrayLike<number>;
  monetary?: ArrayLike<number>;
}

export interface RfmOptions {
  /** 2..10, default 5. */
  bins?: number;
  /** Default "quantile". */
  method?: ScoringMethod;
  /** The user's own ascending cut points per measure (bins − 1 each); a measure without breaks uses the method. */
  breaks?: RfmBreaks;
}

export interface RfmResult {
  recency: ColumnScores;
  frequency: ColumnScores;
  monetary: ColumnScores;
  /** R·100 + F·10 + M per row, 0 when any score is blank. With 10 bins a code is ambiguous: read the scores. */
  codes: Uint16Array;
}

export function rfmCode(r: number, f: number, m: number): number {
  return r * 100 + f * 10 + m;
}

/** Scores three parallel columns; NaN is a blank. */
export function scoreRfm(
  recency: Float64Array,
  frequency: Float64Array,
  monetary: Float64Array,
  options: RfmOptions = {},
): RfmResult {
  const n = recency.length;
  for (const [arg, column] of [
    ["frequency", frequency],
    ["monetary", monetary],
  ] as const) {
    if (column.length !== n) {
      throw valueError("args.lengthMismatch", { arg, found: column.length, other: "recency", expected: n });
    }
  }
  const given = options.breaks?.recency ?? options.breaks?.frequency ?? options.breaks?.monetary;
  const common = { bins: options.bins ?? (given ? given.length + 1 : DEFAULT_BINS), method: options.method };
  const r = scoreColumn(recency, { ...common, reverse: true, breaks: options.breaks?.recency, name: "recency" });
  const f = scoreColumn(frequency, { ...common, breaks: options.breaks?.frequency, name: "frequency" });
  const m = scoreColumn(monetary, { ...common, breaks: options.breaks?.monetary, name: "monetary" });
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [r.scores[i], f.scores[i], m.scores[i]];
    codes[i] = a && b && c ? rfmCode(a, b, c) : 0;
  }
  return { recency: r, frequency: f, monetary: m, codes };
}
