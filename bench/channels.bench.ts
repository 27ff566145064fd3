/**
 * Value by group on Excel's largest log (1,048,576 purchase rows, about 150,000 customers, 12 channels): each
 * customer's group from their first purchase, the groups' sums, the values with a spend per group and the Channels
 * sheet, given the per-customer results (the models' fit and CLV are in pane-compute.bench.ts). The cost is one pass
 * over the rows and one over the customers, whatever the number of groups (at most MAX_GROUPS).
 * Run: node --expose-gc --import tsx bench/channels.bench.ts
 */
import { channelsSheet } from "../src/engine/channels/channels-sheet";
import { firstPurchaseGroups, groupBases } from "../src/engine/channels/value-by-group";
import { seededUniform } from "../src/engine/random";
import { timed } from "./timing";

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
