/**
 * Fill colours for tiers, best first: greens for the most valuable customers through amber to grey for the least,
 * in the same family as the R × F segment colours. The add-in writes each fill with the black or white text that
 * contrasts more with it (src/excel/colour-rules.ts, fontColourOn; tested at 4.5:1 or more for every colour here).
 */
export const TIER_PALETTE = [
  "#1B5E20",
  "#2E7D32",
  "#43A047",
  "#7CB342",
  "#C0CA33",
  "#FDD835",
  "#FFB300",
  "#FB8C00",
  "#F4511E",
  "#9E9E9E",
] as const;

/** The colour of tier i (0 = best) out of n, spread over the whole ramp. */
export function tierColour(i: number, n: number): string {
  if (n <= 1) return TIER_PALETTE[0];
  return TIER_PALETTE[Math.round((i * (TIER_PALETTE.length - 1)) / (n - 1))];
}
