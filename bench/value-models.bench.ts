/**
 * Spend, retention and predictive-CLV models on simulated customers.
 * Run: node --expose-gc --import tsx bench/value-models.bench.ts [name filter, e.g. PCLV]
 * Target (issue 4): predictive CLV for 100,000 customers ≤ 50 ms.
 */
import { PERIODS_PER_MONTH, predictiveClvColumn } from "../src/engine/models/clv";
import { fitGammaGamma } from "../src/engine/models/gamma-gamma";
import { fitBgbb, prepareBgbbData } from "../src/engine/models/bgbb";
import { modelDefinition } from "../src/engine/models/registry";
import { fitSbg } from "../src/engine/models/sbg";
import { beta, gamma, seededRandom } from "../src/engine/random";
import { timed, wanted } from "./timing";

const source = seededRandom(42);
const random = () => source.next();
const gammaDraw = (shape: number) => gamma(source, shape, 1);

/** Repeat customers with Gamma-Gamma spends (p 6, q 4, γ 15, as CDNOW's). */
function spends(customers: number) {
  const frequency = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const x = 1 + Math.floor(random() * 8);
    const nu = gammaDraw(4) / 15;
    let total = 0;
    for (let j = 0; j < x; j++) total += gammaDraw(6) / nu;
    frequency[i] = x;
    monetary[i] = total / x;
  }
  return { frequency, monetary };
}

/** Histories in weeks like CDNOW's (T 27–39 weeks); `distinct` keeps 2-dp times, else whole days. */
function histories(customers: number, unit: "weeks" | "days") {
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const age = new Float64Array(customers);
  const spend = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const days = 189 + Math.floor(random() * 84);
    const x = random() < 0.6 ? 0 : 1 + Math.floor(random() * 10);
    const lastDay = x === 0 ? 0 : Math.max(x, Math.floor(random() * days));
    frequency[i] = x;
    recency[i] = unit === "weeks" ? Math.round((lastDay / 7) * 100) / 100 : lastDay;
    age[i] = unit === "weeks" ? Math.round((days / 7) * 100) / 100 : days;
    spend[i] = 10 + random() * 60;
  }
  return { frequency, recency, age, spend };
}

const gg2357 = spends(2357);
timed("Gamma-Gamma fit, 2,357 repeat customers", () => fitGammaGamma(gg2357.frequency, gg2357.monetary), { runs: 9 });
const gg100k = spends(100_000);
timed("Gamma-Gamma fit, 100,000 repeat customers", () => fitGammaGamma(gg100k.frequency, gg100k.monetary), {
  runs: 9,
});
const gg1mName = "Gamma-Gamma fit, 1,000,000 repeat customers";
if (wanted(gg1mName)) {
  // Built only when it runs: a million customers' inputs in the heap slow every other benchmark's collections.
  const gg1m = spends(1_000_000);
  timed(gg1mName, () => fitGammaGamma(gg1m.frequency, gg1m.monetary), { runs: 3 });
}

const bgnbd = modelDefinition("bgnbd")?.purchasePredictor?.({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
if (!bgnbd) throw new Error("bgnbd is not registered");
const options = { months: 12, annualDiscountRate: 0.1, margin: 0.3 };

const weekly = histories(100_000, "weeks");
timed(
  "PCLV 12 months, 100,000 customers (BG/NBD, weeks, 2-dp times)",
  () =>
    predictiveClvColumn(bgnbd, weekly.frequency, weekly.recency, weekly.age, weekly.spend, {
      ...options,
      periodsPerMonth: PERIODS_PER_MONTH.weeks,
    }),
  { runs: 9, targetMs: 50 },
);

const bgnbdDaily = modelDefinition("bgnbd")?.purchasePredictor?.({ r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 });
if (!bgnbdDaily) throw new Error("bgnbd is not registered");
const daily = histories(100_000, "days");
timed(
  "PCLV 12 months, 100,000 customers (BG/NBD, whole days)",
  () =>
    predictiveClvColumn(bgnbdDaily, daily.frequency, daily.recency, daily.age, daily.spend, {
      ...options,
      periodsPerMonth: PERIODS_PER_MONTH.days,
    }),
  { runs: 9, targetMs: 50 },
);

const continuous = histories(100_000, "weeks");
for (let i = 0; i < continuous.age.length; i++) continuous.age[i] += random() * 0.01;
timed(
  "PCLV 12 months, 100,000 customers (BG/NBD, every T distinct: worst case)",
  () =>
    predictiveClvColumn(bgnbd, continuous.frequency, continuous.recency, continuous.age, continuous.spend, {
      ...options,
      periodsPerMonth: PERIODS_PER_MONTH.weeks,
    }),
  { runs: 9, targetMs: 50 },
);

const pclv1mName = "PCLV 12 months, 1,000,000 customers (BG/NBD, every T distinct)";
if (wanted(pclv1mName)) {
  const continuous1m = histories(1_000_000, "weeks");
  for (let i = 0; i < continuous1m.age.length; i++) continuous1m.age[i] += random() * 0.01;
  timed(
    pclv1mName,
    () =>
      predictiveClvColumn(bgnbd, continuous1m.frequency, continuous1m.recency, continuous1m.age, continuous1m.spend, {
        ...options,
        periodsPerMonth: PERIODS_PER_MONTH.weeks,
      }),
    { runs: 3 },
  );
}

/** Donors simulated from BG/BB (α 1.2, β 0.75, γ 0.66, δ 2.8, near the donation data's): may drop out before
 * each opportunity, then give with their own probability p. */
const donors = { x: [] as number[], tx: [] as number[], n: [] as number[] };
for (let i = 0; i < 100_000; i++) {
  const p = beta(source, 1.2, 0.75);
  const theta = beta(source, 0.66, 2.8);
  let x = 0;
  let last = 0;
  for (let t = 1; t <= 6; t++) {
    if (random() < theta) break;
    if (random() < p) {
      x++;
      last = t;
    }
  }
  donors.x.push(x);
  donors.tx.push(last);
  donors.n.push(6);
}
timed("BG/BB fit, 100,000 donors over 6 opportunities (compressed)", () =>
  fitBgbb(prepareBgbbData(donors.x, donors.tx, donors.n)),
);
timed("sBG fit, one cohort over 8 periods", () => fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]));
