import {
  CUSTOMER_HEADERS,
  customerTable,
  DEFAULT_SAMPLE,
  PLANTED_PROBLEMS,
  simulateBusiness,
  tableWithBadCells,
  transactionTable,
} from "../../src/workbench/sample-data";

const business = simulateBusiness();
const customers = customerTable(business);
const column = (header: (typeof CUSTOMER_HEADERS)[number]) => customers.headers.indexOf(header);

describe("simulateBusiness", () => {
  it("is deterministic for a seed and changes with it", () => {
    const again = simulateBusiness();
    expect(again.transactions).toEqual(business.transactions);
    const other = simulateBusiness({ ...DEFAULT_SAMPLE, seed: DEFAULT_SAMPLE.seed + 1 });
    expect(other.transactions).not.toEqual(business.transactions);
  });

  it("gives every customer a first purchase and keeps purchases inside the window, in date order", () => {
    expect(business.customers).toHaveLength(3000);
    const seen = new Set<string>();
    let previous = { id: "", date: -Infinity };
    // One expect over the whole log: an expect per purchase made this test take seconds.
    const wrong: string[] = [];
    business.transactions.forEach((purchase, i) => {
      if (purchase.date < DEFAULT_SAMPLE.start || purchase.date > DEFAULT_SAMPLE.asOf) wrong.push(`${i}: date outside`);
      if (!(purchase.amount > 0)) wrong.push(`${i}: amount ${purchase.amount}`);
      if (purchase.customerId === previous.id && purchase.date < previous.date) wrong.push(`${i}: out of order`);
      seen.add(purchase.customerId);
      previous = { id: purchase.customerId, date: purchase.date };
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(seen.size).toBe(3000);
  });

  it("shows buy-till-you-die behaviour: many one-time buyers, a long tail of frequent ones", () => {
    const orders = customers.rows.map((row) => row[column("Orders")] as number);
    const oneTime = orders.filter((n) => n === 1).length / orders.length;
    expect(oneTime).toBeGreaterThan(0.1);
    expect(oneTime).toBeLessThan(0.5);
    expect(Math.max(...orders)).toBeGreaterThan(20);
  });
});

describe("customerTable", () => {
  it("summarises the transaction log consistently", () => {
    const transactions = transactionTable(business);
    expect(transactions.rows).toHaveLength(business.transactions.length);
    const revenue = customers.rows.reduce((sum, row) => sum + (row[column("Revenue")] as number), 0);
    const spent = business.transactions.reduce((sum, purchase) => sum + purchase.amount, 0);
    expect(revenue).toBeCloseTo(spent, 0);
    for (const row of customers.rows.slice(0, 100)) {
      expect(row[column("Frequency")]).toBe(row[column("Orders")]);
      expect(row[column("Recency")]).toBe(DEFAULT_SAMPLE.asOf - (row[column("Last purchase")] as number));
      expect(row[column("Monetary")]).toBeCloseTo(
        (row[column("Revenue")] as number) / (row[column("Orders")] as number),
        1,
      );
      expect(row[column("First purchase")]).toBeLessThanOrEqual(row[column("Last purchase")] as number);
    }
    expect(customers.numberFormats).toHaveLength(customers.headers.length);
  });
});

describe("tableWithBadCells", () => {
  it("plants each problem at its row and leaves the rest of the table intact", () => {
    const bad = tableWithBadCells(business);
    expect(bad.rows).toHaveLength(200);
    for (const problem of PLANTED_PROBLEMS) {
      expect(bad.rows[problem.row - 1][bad.headers.indexOf(problem.header)]).toBe(problem.value);
    }
    expect(bad.rows[0]).toEqual(customers.rows[0]);
    expect(customers.rows[6][column("Monetary")]).not.toBe("n/a");
  });
});
