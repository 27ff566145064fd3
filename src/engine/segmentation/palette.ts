/**
 * Fill colours for tiers, best first: greens for the most valuable customers through amber to grey for the least,
 * in the same family as the R × F segment colours, readable with black text in light and dark Office themes.
 */
const RAMP = [
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
  if (n <= 1) return RAMP[0];
  return RAMP[Math.round((i * (RAMP.length - 1)) / (n - 1))];
}
