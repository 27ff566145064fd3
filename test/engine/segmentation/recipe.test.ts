import { InputError } from "../../../src/engine/errors";
import { parseRecipe, serializeRecipe } from "../../../src/engine/segmentation/recipe";
import type { Recipe } from "../../../src/engine/segmentation/types";

const rfmRecipe: Recipe = {
  version: 1,
  tableName: "Clients",
  shape: "customers",
  mapping: { customerId: "Client", recency: "Récence", frequency: "Fréquence", monetary: "Montant moyen" },
  method: { kind: "rfm", bins: 5 },
  ownColumns: ["Segment", "Code RFM"],
  summarySheet: "Segments",
  appliedAt: "2025-03-01T10:00:00.000Z",
  locale: "fr",
};

const clvRecipe: Recipe = {
  version: 1,
  tableName: "Orders",
  shape: "transactions",
  mapping: { customerId: "Customer", date: "Date", amount: "Amount" },
  method: { kind: "clvTiers", split: "20-30-50", horizonMonths: 12, discountRate: 0.1, margin: 0.3, timeUnit: "weeks" },
  ownColumns: ["Tier", "CLV"],
  summarySheet: "Segments",
  customerSheet: "Customer summary",
  appliedAt: "2025-03-01T10:00:00.000Z",
  asOf: 45717,
};

/** After a refresh: the action options, the Win-back and Changes sheets, the last run and its changes. */
const refreshedRecipe: Recipe = {
  ...clvRecipe,
  method: {
    ...(clvRecipe.method as Extract<Recipe["method"], { kind: "clvTiers" }>),
    actionColumns: true,
    winBack: true,
  },
  winBackSheet: "Win-back",
  modelSheet: "Model",
  changesSheet: "Changes",
  lastRun: { segments: [{ label: "Top 20 %", customers: 24, value: 1666.9, clv: 1666.9 }] },
  changes: {
    since: "2025-02-01T10:00:00.000Z",
    from: ["Top 20 %"],
    to: ["Top 20 %"],
    counts: [[20], [4]],
    newCustomers: 4,
    moved: 0,
  },
};

describe("recipe round trip", () => {
  it("a damaged last run or change matrix is refused by name, never half-read", () => {
    const broken = JSON.parse(serializeRecipe(refreshedRecipe));
    broken.changes.counts = [[-1]];
    expect(parseRecipe(JSON.stringify(broken))).toMatchObject({
      key: "segmentation.recipe.invalidField",
      params: { field: "changes" },
    });
    const noLabel = JSON.parse(serializeRecipe(refreshedRecipe));
    noLabel.lastRun.segments[0].customers = "24";
    expect(parseRecipe(JSON.stringify(noLabel))).toMatchObject({ params: { field: "lastRun.segments" } });
  });

  it.each([rfmRecipe, clvRecipe, refreshedRecipe])("parse(serialize(r)) equals r", (recipe) => {
    expect(parseRecipe(serializeRecipe(recipe))).toEqual(recipe);
  });

  it("serializes key order independently of how the object was built", () => {
    const shuffled = {
      ...rfmRecipe,
      mapping: { monetary: "Montant moyen", recency: "Récence", frequency: "Fréquence", customerId: "Client" },
    };
    expect(serializeRecipe(shuffled)).toBe(serializeRecipe(rfmRecipe));
  });

  it("refuses a Model sheet name that is not text, and reads recipes written before it", () => {
    const broken = { ...JSON.parse(serializeRecipe(refreshedRecipe)), modelSheet: 3 };
    expect(parseRecipe(JSON.stringify(broken))).toMatchObject({ params: { field: "modelSheet" } });
    expect(parseRecipe(serializeRecipe(clvRecipe))).not.toHaveProperty("modelSheet");
  });

  it("drops fields it does not know", () => {
    const text = JSON.stringify({ ...rfmRecipe, extra: "x" });
    expect(parseRecipe(text)).toEqual(rfmRecipe);
  });
});

describe("parseRecipe refuses damaged recipes with a message, never a throw", () => {
  const keyOf = (result: unknown) => (result instanceof InputError ? [result.key, result.params] : result);

  it("not JSON", () => {
    expect(keyOf(parseRecipe("{oops"))).toEqual(["segmentation.recipe.invalidJson", {}]);
    expect(keyOf(parseRecipe("[1]"))).toEqual(["segmentation.recipe.invalidJson", {}]);
  });
  it("a newer version", () => {
    expect(keyOf(parseRecipe(JSON.stringify({ ...rfmRecipe, version: 2 })))).toEqual([
      "segmentation.recipe.unsupportedVersion",
      { version: 2 },
    ]);
  });
  it.each([
    [{ bins: 1 }, "method.bins"],
    [{ kind: "magic" }, "method.kind"],
  ])("a bad method %p", (patch, field) => {
    const text = JSON.stringify({ ...rfmRecipe, method: { ...rfmRecipe.method, ...patch } });
    expect(keyOf(parseRecipe(text))).toEqual(["segmentation.recipe.invalidField", { field }]);
  });
  it.each([
    ["shape", "table"],
    ["tableName", ""],
    ["ownColumns", ["ok", 3]],
    ["appliedAt", "yesterday"],
    ["locale", "de"],
  ])("a bad %s", (field, value) => {
    const text = JSON.stringify({ ...rfmRecipe, [field]: value });
    expect(keyOf(parseRecipe(text))).toEqual(["segmentation.recipe.invalidField", { field }]);
  });
  it("a bad CLV setting", () => {
    const text = JSON.stringify({ ...clvRecipe, method: { ...clvRecipe.method, margin: 30 } });
    expect(keyOf(parseRecipe(text))).toEqual(["segmentation.recipe.invalidField", { field: "method.margin" }]);
  });
});

describe("value by group in the recipe", () => {
  const channelsRecipe: Recipe = {
    ...clvRecipe,
    method: {
      ...(clvRecipe.method as Extract<Recipe["method"], { kind: "clvTiers" }>),
      compareBy: "Channel",
      spendTable: "ChannelSpend",
    },
    channelsSheet: "Channels",
  };

  it("keeps the compare-by column, the spend table and the Channels sheet", () => {
    expect(parseRecipe(serializeRecipe(channelsRecipe))).toEqual(channelsRecipe);
  });

  it("a recipe written before them still parses, without them", () => {
    const parsed = parseRecipe(serializeRecipe(clvRecipe)) as Recipe;
    expect(parsed.channelsSheet).toBeUndefined();
    expect(parsed.method).not.toHaveProperty("compareBy");
  });

  it("a compare-by that is not text is refused by name", () => {
    const broken = JSON.parse(serializeRecipe(channelsRecipe));
    broken.method.compareBy = 3;
    expect(parseRecipe(JSON.stringify(broken))).toMatchObject({ params: { field: "method.compareBy" } });
  });
});
