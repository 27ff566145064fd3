/**
 * Value by group on Excel's largest log (1,048,576 purchase rows, about 150,000 customers, 12 channels): each
 * customer's group from their first purchase, the groups' sums, the values with a spend per group and the Channels
 * sheet, given the per-customer results (the models' fit and CLV are in pane-compute.bench.ts). The cost is one pass
 * over the rows and one over the customers, whatever the number of groups (at most MAX_GROUPS). Then the groups'
 * CLV ranges (group-ranges.ts) on 150,000 BG/NBD customers fitted with their standard errors: 12 and 100 groups.
 * Run: node --expose-gc --import tsx bench/channels.bench.ts [name filter]
 */
import { channelsSheet } from "../src/engine/channels/channels-sheet";
import { groupClvRanges } from "../src/engine/channels/group-ranges";
import { firstPurchaseGroups, groupBases } from "../src/engine/channels/value-by-group";
import { fitBgnbd } from "../src/engine/models/bgnbd";
import { seededUniform } from "../src/engine/random";
import { timed, wanted } from "./timing";
import { simulateWholeDayBgnbd } from "./whole-day-bgnbd";

const ROWS = 1_048_576;
const CUSTOMERS = 150_000;
const GROUPS = 12;
const random = seededUniform(20261201);
const channels = Array.from({ length: GROUPS }, (_, g) => `Channel ${g + 1}`);
const channelOfRow = new Array<string>(ROWS);
const dates = new Float64Array(ROWS);
const customerOf = new Int32Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  customerOf[i] = Math.floor(random() * CUSTOMERS);
  dates[i] = 44927 + Math.floor(random() * 730);
  channelOfRow[i] = channels[Math.floor(random() * GROUPS)];
}
const clv = Float64Array.from({ length: CUSTOMERS }, () => random() * 200);
const alive = Float64Array.from({ length: CUSTOMERS }, () => random());
const revenue = Float64Array.from({ length: CUSTOMERS }, () => random() * 500);
const acquired = new Float64Array(CUSTOMERS).fill(Infinity);
for (let i = 0; i < ROWS; i++) acquired[customerOf[i]] = Math.min(acquired[customerOf[i]], dates[i]);
const end = 44927 + 730;

timed(
  "channels: 1,048,576 rows, 150,000 customers, 12 groups → groups, values, Channels sheet",
  () => {
    const group = firstPurchaseGroups((j) => channelOfRow[j], dates, customerOf, CUSTOMERS);
    const groups = groupBases({ group, clv, alive, revenue, acquired, end }, "Channel");
    const base = {
      column: "Channel",
      groups,
      firstDay: 44927,
      lastDay: end,
      margin: 0.3,
      horizonMonths: 12,
      discountRate: 0.1,
    };
    const spends = channels.map((name, g) => ({ group: name, spend: 1000 * (g + 1), from: 44927, to: end }));
    return channelsSheet(base, spends, "en", {
      tableName: "Bench",
      spendTable: "ChannelSpend",
      spendTableCreated: false,
      issues: [],
      writtenAt: "2026-01-01T00:00:00Z",
    }).values.length;
  },
  { targetMs: 300, runs: 5 },
);

const RANGE_BENCHES = [12, 100].map((groups) => `channels: CLV ranges, 150,000 customers, ${groups} groups, 12 months`);
if (RANGE_BENCHES.some(wanted)) {
  const data = simulateWholeDayBgnbd(CUSTOMERS, 3);
  const fit = fitBgnbd(data);
  const customers = {
    frequency: data.frequency,
    recency: data.recency!,
    age: data.age!,
    monetary: new Float64Array(CUSTOMERS).fill(NaN),
    spendPerPurchase: Float64Array.from({ length: CUSTOMERS }, (_, i) => 10 + (i % 50)),
  };
  const model = { model: "bgnbd" as const, params: fit.params, standardErrors: fit.standardErrors, gg: null };
  const options = { months: 12, annualDiscountRate: 0.1, margin: 0.3, periodsPerMonth: 365.25 / 12 };
  [12, 100].forEach((groups, k) => {
    const groupOf = Int32Array.from({ length: CUSTOMERS }, (_, i) => (i * 7919) % groups);
    timed(RANGE_BENCHES[k], () => groupClvRanges(model, customers, groupOf, groups, options).groups.length, {
      runs: 3,
      warmUp: false,
    });
  });
}
