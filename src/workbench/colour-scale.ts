/**
 * What Excel shows for a colour-scale conditional format (ConditionalFormatType.colorScale with lowestValue,
 * 50th percentile and highestValue stops): each number of the block shaded between the stops' colours, linearly in
 * red, green and blue by its position between the stops' values. Blank and text cells are not coloured.
 */
import type { CellValue, ColourScale } from "../engine/sheet-data";

/** The values of the stops over the block's numbers: lowest, 50th percentile (PERCENTILE.INC), highest. */
export function colourScaleStops(numbers: readonly number[]): { low: number; mid: number; high: number } | null {
  if (numbers.length === 0) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  const position = 0.5 * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const mid = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  return { low: sorted[0], mid, high: sorted[sorted.length - 1] };
}

const channels = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
const hex = (values: number[]) =>
  `#${values.map((v) => Math.round(v).toString(16).padStart(2, "0").toUpperCase()).join("")}`;

function between(from: string, to: string, share: number): string {
  const a = channels(from);
  const b = channels(to);
  return hex(a.map((v, i) => v + (b[i] - v) * share));
}

/** The fill Excel gives `value` in a block whose numbers have these stops, or null for a cell it leaves alone. */
export function colourScaleFill(
  scale: ColourScale,
  stops: { low: number; mid: number; high: number } | null,
  value: CellValue,
): string | null {
  if (typeof value !== "number" || !Number.isFinite(value) || !stops) return null;
  const { low, mid, high } = stops;
  const share = (from: number, to: number) => (to > from ? Math.min(1, Math.max(0, (value - from) / (to - from))) : 0);
  if (!scale.midpoint) return between(scale.minimum, scale.maximum, share(low, high));
  if (value <= mid) return mid > low ? between(scale.minimum, scale.midpoint, share(low, mid)) : scale.midpoint;
  return between(scale.midpoint, scale.maximum, share(mid, high));
}
