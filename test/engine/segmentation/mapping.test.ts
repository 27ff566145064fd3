import { normalizeHeader, sniffColumn, suggestMapping } from "../../../src/engine/segmentation/mapping";

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
