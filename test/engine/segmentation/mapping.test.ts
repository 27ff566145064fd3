import {
  numericColumns,
  normalizeHeader,
  sampleRows,
  sniffColumn,
  suggestMapping,
} from "../../../src/engine/segmentation/mapping";
import type { CellValue } from "../../../src/engine/sheet-data";

describe("sampleRows and the shape of a date-sorted log", () => {
  /** 100,000 purchases by 20,000 customers, sorted by date: the first 20,000 rows are all first purchases. */
  const log: CellValue[][] = Array.from({ length: 100_000 }, (_, i) => [
    `C${String(i % 20_000).padStart(5, "0")}`,
    45000 + Math.floor(i / 200),
    10 + (i % 97),
  ]);

  it("takes the first, the last and evenly spread rows, in table order", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => i);
    const sample = sampleRows(rows, 100);
    expect(sample).toHaveLength(100);
    expect(sample.slice(0, 20)).toEqual(rows.slice(0, 20));
    expect(sample.slice(-20)).toEqual(rows.slice(-20));
    expect([...sample].sort((a, b) => a - b)).toEqual(sample);
    expect(new Set(sample).size).toBe(100);
    expect(sampleRows([1, 2, 3], 100)).toEqual([1, 2, 3]);
  });

  it("detects the log as a log, where its first rows alone look like a customer table", () => {
    const headers = ["Customer ID", "Date", "Amount"];
    expect(suggestMapping(headers, log.slice(0, 200)).shape).toBe("customers");
    expect(suggestMapping(headers, sampleRows(log))).toEqual({
      shape: "transactions",
      mapping: { customerId: "Customer ID", date: "Date", amount: "Amount" },
    });
  });

  it("offers numeric columns only for quantile tiers: never the id, never a date", () => {
    const headers = ["Customer ID", "Name", "First purchase", "Orders", "Revenue", "Number id"];
    const rows = [
      ["C1", "Ann", 45000, 3, 120.5, 1001],
      ["C2", "Bob", 45010, 1, 30.25, 1002],
    ];
    expect(numericColumns(headers, rows, { customerId: "Number id" })).toEqual(["Orders", "Revenue"]);
    expect(numericColumns(headers, rows, { customerId: "Customer ID" })).toEqual(["Orders", "Revenue", "Number id"]);
  });
});

describe("suggestMapping", () => {
  it("maps an English customer table by header", () => {
    const headers = ["Customer ID", "Recency", "Frequency", "Monetary"];
    const sample = [
      ["C1", 10, 3, 25.5],
      ["C2", 40, 1, 12.25],
    ];
    expect(suggestMapping(headers, sample)).toEqual({
      shape: "customers",
      mapping: { customerId: "Customer ID", recency: "Recency", frequency: "Frequency", monetary: "Monetary" },
    });
  });

  it("maps a French customer table, with 'montant moyen' as monetary and not amount", () => {
    const headers = ["N° client", "Récence (jours)", "Fréquence", "Montant moyen", "VVC"];
    const sample = [
      ["A", 3, 2, 40.1, 310.5],
      ["B", 90, 1, 22.9, 80.25],
    ];
    expect(suggestMapping(headers, sample)).toEqual({
      shape: "customers",
      mapping: {
        customerId: "N° client",
        recency: "Récence (jours)",
        frequency: "Fréquence",
        monetary: "Montant moyen",
        value: "VVC",
      },
    });
  });

  it("recognises a transaction log (French headers) by its dates and repeated ids", () => {
    const headers = ["Client", "Date commande", "Montant"];
    const sample = [
      ["A", 45000, 12.5],
      ["B", 45001, 8],
      ["A", 45010, 30.75],
    ];
    expect(suggestMapping(headers, sample)).toEqual({
      shape: "transactions",
      mapping: { customerId: "Client", date: "Date commande", amount: "Montant" },
    });
  });

  it("sniffs unnamed columns: ids, dates in a plausible range, money", () => {
    const headers = ["col1", "col2", "col3"];
    const sample = [
      [101, 44197, 19.99],
      [102, 44200, 5.5],
      [101, 44300, 7.25],
    ];
    expect(suggestMapping(headers, sample)).toEqual({
      shape: "transactions",
      mapping: { customerId: "col1", date: "col2", amount: "col3" },
    });
  });

  it("does not take a text column named Date as a date", () => {
    const { mapping } = suggestMapping(["Client", "Date", "CA"], [["A", "hier", 10.5]]);
    expect(mapping.date).toBeUndefined();
  });

  it("treats the amount of a customer table as its monetary value", () => {
    const { shape, mapping } = suggestMapping(["customer", "recency", "frequency", "amount"], [["A", 1, 2, 3.5]]);
    expect(shape).toBe("customers");
    expect(mapping.monetary).toBe("amount");
    expect(mapping.amount).toBeUndefined();
  });
});

describe("sniffColumn and normalizeHeader", () => {
  it("classifies samples", () => {
    expect(sniffColumn(["", null])).toBe("empty");
    expect(sniffColumn([1, 2, ""])).toBe("integer");
    expect(sniffColumn([1.5, 2])).toBe("money");
    expect(sniffColumn([45000, 45001.5])).toBe("date");
    expect(sniffColumn(["a", 1])).toBe("text");
  });
  it("removes accents and punctuation", () => {
    expect(normalizeHeader("  Récence (jours) ")).toBe("recence jours");
    expect(normalizeHeader("Chiffre d'affaires")).toBe("chiffre d affaires");
  });
});
