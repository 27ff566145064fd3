/**
 * The long version of the range coverage test in test/engine/forecast/ranges.slow.test.ts: 200 simulated BG/NBD bases of
 * 600 customers, the product's 200 draws each. The 80 % range of Σ PCLV should contain the value at the true
 * parameters about 80 % of the time: ±2.8 points of binomial spread, so 72–88 % (0.775 measured at the commit that
 * added it). About two minutes on a quiet machine.
 */
import { RANGE_DRAWS } from "../../src/engine/forecast/ranges";
import { coverage } from "../engine/forecast/coverage";

// Run on demand (CV_LONG_COVERAGE=1 npm run test:reference): on this shared machine it ran past 12 minutes, so it is
// not yet part of CI; the 40-base version in the slow suite (which CI runs) checks the same property.
const longTest = process.env.CV_LONG_COVERAGE ? test : test.skip;

longTest(
  "the 80% range covers the true Σ PCLV about 80% of the time (200 bases)",
  () => {
    const share = coverage(200, 600, RANGE_DRAWS, 1000);
    expect(share).toBeGreaterThanOrEqual(0.72);
    expect(share).toBeLessThanOrEqual(0.88);
  },
  900000,
);
