import { MODEL_DEFINITIONS, modelDefinition } from "../../../src/engine/models/registry";
import { MODEL_NAMES } from "../../../src/engine/models/types";

describe("model registry", () => {
  test("the three purchase models are registered with a predictor", () => {
    for (const name of ["bgnbd", "mbgnbd", "pnbd"] as const) {
      const definition = modelDefinition(name);
      expect(definition?.purchasePredictor).toBeDefined();
      expect(definition?.requires).toEqual(["recency", "age"]);
    }
  });
  test("every entry is a known model, registered once", () => {
    const names = MODEL_DEFINITIONS.map((definition) => definition.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(MODEL_NAMES).toContain(name);
  });
  test("a fit through the registry is labelled with its model", () => {
    const fit = modelDefinition("mbgnbd")!.fit(
      {
        frequency: Float64Array.of(0, 1, 2, 0, 5, 1),
        recency: Float64Array.of(0, 3, 8, 0, 9, 2),
        age: Float64Array.of(10, 10, 12, 9, 10, 11),
      },
      {},
    );
    expect(fit.model).toBe("mbgnbd");
    expect(fit.n).toBe(6);
  });
});
