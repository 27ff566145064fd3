/**
 * The 10-segment R × F map (the grid popularised by Putler and used across RFM tools; the table is in
 * docs/functions.md under CUST.RFMSEGMENT). It reads the R and F quintile scores only: each of the 25 (R, F) cells
 * belongs to exactly one segment, whatever M is. Names live in the message catalogue (segments.<id>), in
 * English and French; the colours are suggestions for the task pane (greens for the best customers, ambers for
 * those to watch, reds for those slipping away, grey for the dormant).
 */
import { Locale, MessageKey, t } from "../../i18n";
import { rfmCode } from "./rfm";

export type SegmentId =
  | "champions"
  | "loyalCustomers"
  | "potentialLoyalists"
  | "newCustomers"
  | "promising"
  | "needAttention"
  | "aboutToSleep"
  | "atRisk"
  | "cantLoseThem"
  | "hibernating";

export interface SegmentDefinition {
  id: SegmentId;
  /** Catalogue key of the segment's name. */
  labelKey: MessageKey;
  /** Inclusive R score range. */
  recency: readonly [number, number];
  /** Inclusive F score range. */
  frequency: readonly [number, number];
  /** Suggested fill colour, "#RRGGBB". */
  colour: string;
}

/** The scores the map is defined on. */
export const SEGMENT_SCORE_MAX = 5;

/** The segment table, from the best customers to the dormant ones. */
export const SEGMENTS: readonly SegmentDefinition[] = [
  { id: "champions", labelKey: "segments.champions", recency: [5, 5], frequency: [4, 5], colour: "#1B5E20" },
  { id: "loyalCustomers", labelKey: "segments.loyalCustomers", recency: [3, 4], frequency: [4, 5], colour: "#388E3C" },
  {
    id: "potentialLoyalists",
    labelKey: "segments.potentialLoyalists",
    recency: [4, 5],
    frequency: [2, 3],
    colour: "#7CB342",
  },
  { id: "newCustomers", labelKey: "segments.newCustomers", recency: [5, 5], frequency: [1, 1], colour: "#0288D1" },
  { id: "promising", labelKey: "segments.promising", recency: [4, 4], frequency: [1, 1], colour: "#4FC3F7" },
  { id: "needAttention", labelKey: "segments.needAttention", recency: [3, 3], frequency: [3, 3], colour: "#FBC02D" },
  { id: "aboutToSleep", labelKey: "segments.aboutToSleep", recency: [3, 3], frequency: [1, 2], colour: "#FB8C00" },
  { id: "atRisk", labelKey: "segments.atRisk", recency: [1, 2], frequency: [3, 4], colour: "#E53935" },
  { id: "cantLoseThem", labelKey: "segments.cantLoseThem", recency: [1, 2], frequency: [5, 5], colour: "#8E24AA" },
  { id: "hibernating", labelKey: "segments.hibernating", recency: [1, 2], frequency: [1, 2], colour: "#9E9E9E" },
];

const inRange = (score: number, [low, high]: readonly [number, number]) => score >= low && score <= high;

/** The (R, F) grid as a lookup: GRID[(r − 1) * 5 + (f − 1)]. */
const GRID: readonly SegmentDefinition[] = Array.from({ length: SEGMENT_SCORE_MAX * SEGMENT_SCORE_MAX }, (_, cell) => {
  const r = Math.floor(cell / SEGMENT_SCORE_MAX) + 1;
  const f = (cell % SEGMENT_SCORE_MAX) + 1;
  const found = SEGMENTS.filter((segment) => inRange(r, segment.recency) && inRange(f, segment.frequency));
  if (found.length !== 1) throw new Error(`segment map: cell R${r} F${f} belongs to ${found.length} segments`);
  return found[0];
});

const isScore = (score: number) => Number.isInteger(score) && score >= 1 && score <= SEGMENT_SCORE_MAX;

/** The segment of an (R, F) pair of scores 1..5; undefined when either is not such a score (0 = blank). */
export function segmentOf(r: number, f: number): SegmentDefinition | undefined {
  if (!isScore(r) || !isScore(f)) return undefined;
  return GRID[(r - 1) * SEGMENT_SCORE_MAX + (f - 1)];
}

export function segmentById(id: SegmentId): SegmentDefinition {
  const found = SEGMENTS.find((segment) => segment.id === id);
  if (!found) throw new Error(`unknown segment ${id}`);
  return found;
}

export function segmentName(id: SegmentId, locale: Locale): string {
  return t(segmentById(id).labelKey, {}, locale);
}

/** The (R, F) cells of a segment. */
export function segmentCells(id: SegmentId): { r: number; f: number }[] {
  const { recency, frequency } = segmentById(id);
  const cells: { r: number; f: number }[] = [];
  for (let r = recency[0]; r <= recency[1]; r++)
    for (let f = frequency[0]; f <= frequency[1]; f++) cells.push({ r, f });
  return cells;
}

/** The RFM codes (R·100 + F·10 + M, M = 1..5) that form a segment, ascending. */
export function segmentCodes(id: SegmentId): number[] {
  const codes: number[] = [];
  for (const { r, f } of segmentCells(id)) for (let m = 1; m <= SEGMENT_SCORE_MAX; m++) codes.push(rfmCode(r, f, m));
  return codes.sort((a, b) => a - b);
}
