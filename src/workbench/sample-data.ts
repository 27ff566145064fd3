/**
 * Synthetic sample data for the workbench and the sample workbook: a transaction log simulated with
 * buy-till-you-die behaviour, and the customer table summarised from it. Everything is generated from a
 * seed, so the same seed always gives the same workbook. These are not real customers.
 */
import type { CellValue } from "../excel/workbook";
import { beta, exponential, gamma, pick, RandomSource, seededRandom, uniformInt } from "../engine/random";

/** A table as the sample data hands it over: a header row, data rows, and an Excel number format per column. */
export interface SampleTable {
  name: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
  numberFormats: (string | undefined)[];
}

export interface SampleOptions {
  seed: number;
  customers: number;
  /** First day customers can be acquired, as an Excel serial date. */
  start: number;
  /** Last day customers can be acquired. */
  acquisitionEnd: number;
  /** End of the observation window: recency is measured from this day. */
  asOf: number;
}

export const DEFAULT_SAMPLE: SampleOptions = {
  seed: 20240101,
  customers: 3000,
  start: 44927, // 2023-01-01
  acquisitionEnd: 45291, // 2023-12-31
  asOf: 45657, // 2024-12-31
};

/**
 * Population the customers are drawn from (per day). Purchases: Poisson with a gamma-distributed rate and
 * a beta-distributed chance of dropping out after each purchase (Fader, Hardie & Lee 2005, BG/NBD).
 * Spend: gamma per order around a gamma-distributed customer mean (Fader, Hardie & Lee 2005, gamma-gamma).
 */
const POPULATION = {
  rateShape: 0.9,
  rateScaleDays: 1 / 45,
  dropoutA: 0.8,
  dropoutB: 4,
  spendShape: 5,
  spendMeanShape: 4,
  spendMeanRate: 30,
};

export interface Transaction {
  customerId: string;
  date: number;
  amount: number;
}

export interface SampleCustomer {
  id: string;
  name: string;
  country: string;
}

const FIRST_NAMES = [
  "Alice",
  "Bruno",
  "Camille",
  "David",
  "Emma",
  "Farid",
  "Grace",
  "Hugo",
  "Inès",
  "James",
  "Karim",
  "Léa",
  "Marc",
  "Nora",
  "Olivier",
  "Paula",
  "Quentin",
  "Rosa",
  "Samuel",
  "Théo",
  "Ursula",
  "Victor",
  "Wendy",
  "Yasmine",
];
const LAST_NAMES = [
  "Martin",
  "Smith",
  "Bernard",
  "Dubois",
  "Jones",
  "Moreau",
  "Taylor",
  "Laurent",
  "Brown",
  "Lefèvre",
  "Wilson",
  "Garcia",
  "Roux",
  "Walker",
  "Fournier",
  "Clark",
  "Girard",
  "Lewis",
  "Bonnet",
  "Young",
  "Mercier",
  "King",
];
/** ISO 3166 codes read the same in every language. */
const COUNTRIES = ["FR", "FR", "FR", "BE", "CH", "CA", "GB", "US", "DE", "ES"];

export function customerId(index: number): string {
  return `C${String(index + 1).padStart(5, "0")}`;
}

function makeCustomer(random: RandomSource, index: number): SampleCustomer {
  return {
    id: customerId(index),
    name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
    country: pick(random, COUNTRIES),
  };
}

const roundCents = (value: number) => Math.round(value * 100) / 100;

/** One customer's purchases: the first on the acquisition day, then until dropout or the end of the window. */
function simulatePurchases(random: RandomSource, id: string, options: SampleOptions): Transaction[] {
  const rate = gamma(random, POPULATION.rateShape, 1 / POPULATION.rateScaleDays);
  const dropout = beta(random, POPULATION.dropoutA, POPULATION.dropoutB);
  const spendRate = gamma(random, POPULATION.spendMeanShape, POPULATION.spendMeanRate);
  const spend = () => roundCents(Math.max(1, gamma(random, POPULATION.spendShape, spendRate)));

  let time = uniformInt(random, options.start, options.acquisitionEnd);
  const purchases: Transaction[] = [{ customerId: id, date: time, amount: spend() }];
  for (;;) {
    if (random.next() < dropout) break;
    time += exponential(random, rate);
    if (time > options.asOf) break;
    purchases.push({ customerId: id, date: Math.floor(time), amount: spend() });
  }
  return purchases;
}

export interface SampleBusiness {
  customers: SampleCustomer[];
  /** Ordered by customer, then date. */
  transactions: Transaction[];
  options: SampleOptions;
}

/** Simulates the whole business: who the customers are and every purchase they made. */
export function simulateBusiness(options: SampleOptions = DEFAULT_SAMPLE): SampleBusiness {
  const random = seededRandom(options.seed);
  const customers: SampleCustomer[] = [];
  const transactions: Transaction[] = [];
  for (let i = 0; i < options.customers; i++) {
    const customer = makeCustomer(random, i);
    customers.push(customer);
    for (const purchase of simulatePurchases(random, customer.id, options)) transactions.push(purchase);
  }
  return { customers, transactions, options };
}

export const CUSTOMER_HEADERS = [
  "Customer ID",
  "Name",
  "Country",
  "First purchase",
  "Last purchase",
  "Orders",
  "Revenue",
  "Recency",
  "Frequency",
  "Monetary",
] as const;

export const TRANSACTION_HEADERS = ["Customer ID", "Date", "Amount", "Channel"] as const;

/** Acquisition channels of the sample log, so the pane's "compare by" has something to compare. */
export const CHANNELS = ["Web shop", "Store", "Paid social", "Referral"] as const;

/**
 * A customer's acquisition channel, a function of their index and their number of orders only (never of the random
 * stream, so adding it changed no other sample value): repeat buyers come more often from the web shop and referrals,
 * so the channels differ in value as real ones do.
 */
export function sampleChannel(index: number, orders: number): (typeof CHANNELS)[number] {
  // A multiplicative hash of the index (Knuth), in 0..999.
  const spread = (Math.imul(index + 1, 2654435761) >>> 0) % 1000;
  const loyal = orders >= 3;
  const weights = loyal ? [450, 200, 100, 250] : [300, 350, 250, 100];
  let cumulative = 0;
  for (let c = 0; c < CHANNELS.length; c++) {
    cumulative += weights[c];
    if (spread < cumulative) return CHANNELS[c];
  }
  return CHANNELS[0];
}

const DATE_FORMAT = "yyyy-mm-dd";
const MONEY_FORMAT = "#,##0.00";

/**
 * The customer table: one row per customer. Recency is days from the last purchase to the as-of date,
 * Frequency the number of orders, Monetary the average order value.
 */
export function customerTable(business: SampleBusiness, name = "Customers"): SampleTable {
  const byCustomer = new Map<string, Transaction[]>();
  for (const purchase of business.transactions) {
    const list = byCustomer.get(purchase.customerId);
    if (list) list.push(purchase);
    else byCustomer.set(purchase.customerId, [purchase]);
  }
  const rows: CellValue[][] = business.customers.map((customer) => {
    const purchases = byCustomer.get(customer.id) ?? [];
    const dates = purchases.map((purchase) => purchase.date);
    const first = Math.min(...dates);
    const last = Math.max(...dates);
    const revenue = roundCents(purchases.reduce((sum, purchase) => sum + purchase.amount, 0));
    const orders = purchases.length;
    return [
      customer.id,
      customer.name,
      customer.country,
      first,
      last,
      orders,
      revenue,
      business.options.asOf - last,
      orders,
      roundCents(revenue / orders),
    ];
  });
  return {
    name,
    sheet: name,
    headers: [...CUSTOMER_HEADERS],
    rows,
    numberFormats: [
      undefined,
      undefined,
      undefined,
      DATE_FORMAT,
      DATE_FORMAT,
      "0",
      MONEY_FORMAT,
      "0",
      "0",
      MONEY_FORMAT,
    ],
  };
}

/** The transaction log: one row per purchase, each with the customer's acquisition channel. */
export function transactionTable(business: SampleBusiness, name = "Transactions"): SampleTable {
  const orders = new Map<string, number>();
  for (const purchase of business.transactions)
    orders.set(purchase.customerId, (orders.get(purchase.customerId) ?? 0) + 1);
  const channel = new Map(
    business.customers.map((customer, i) => [customer.id, sampleChannel(i, orders.get(customer.id) ?? 0)]),
  );
  return {
    name,
    sheet: name,
    headers: [...TRANSACTION_HEADERS],
    rows: business.transactions.map((purchase) => [
      purchase.customerId,
      purchase.date,
      purchase.amount,
      channel.get(purchase.customerId) ?? CHANNELS[0],
    ]),
    numberFormats: [undefined, DATE_FORMAT, MONEY_FORMAT, undefined],
  };
}

/** Where the error demo table deliberately holds a bad cell (1-based data row, header). */
export interface PlantedProblem {
  row: number;
  header: (typeof CUSTOMER_HEADERS)[number];
  value: CellValue;
}

/**
 * Cells a user's real table often holds: a note typed in a number column, an error pasted from another
 * workbook, a forgotten value. The pane must name each column and its first bad row.
 */
export const PLANTED_PROBLEMS: readonly PlantedProblem[] = [
  { row: 7, header: "Monetary", value: "n/a" },
  { row: 15, header: "Recency", value: "#N/A" },
  { row: 23, header: "Frequency", value: "" },
];

/** The first rows of the customer table with the planted problems, for the error demo. */
export function tableWithBadCells(business: SampleBusiness, rowCount = 200, name = "Imported"): SampleTable {
  const base = customerTable(business, name);
  const rows = base.rows.slice(0, rowCount).map((row) => [...row]);
  for (const problem of PLANTED_PROBLEMS) {
    rows[problem.row - 1][base.headers.indexOf(problem.header)] = problem.value;
  }
  return { ...base, rows };
}
