/**
 * The trigamma function ψ'(x) for x > 0: the recurrence ψ'(x) = ψ'(x+1) + 1/x² up to x ≥ 10, then the asymptotic
 * series 1/x + 1/(2x²) + Σ B_2k / x^(2k+1) (Abramowitz & Stegun 6.4.12), accurate to about 1e-15 relative there.
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shifted = 0;
  let y = x;
  while (y < 10) {
    shifted += 1 / (y * y);
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  // B_2/1, B_4, B_6, ... : 1/6, −1/30, 1/42, −1/30, 5/66, −691/2730, 7/6
  const series =
    inv2 *
    inv *
    (1 / 6 +
      inv2 * (-1 / 30 + inv2 * (1 / 42 + inv2 * (-1 / 30 + inv2 * (5 / 66 + inv2 * (-691 / 2730 + (inv2 * 7) / 6))))));
  return shifted + inv + inv2 / 2 + series;
}
