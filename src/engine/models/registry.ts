/**
 * Model name → how CUST.FIT fits it and how the prediction functions use its parameters.
 * To add a model, append one object literal to MODEL_DEFINITIONS (its name must be a ModelName, its
 * parameters those of MODEL_PARAMETERS in types.ts).
 */
import { bgnbdPredictor, fitBgnbd } from "./bgnbd";
import { fitMbgnbd, mbgnbdPredictor } from "./mbgnbd";
import { fitParetoNbd, paretoNbdPredictor } from "./pareto-nbd";
import { bgbbPredictorFromParameters, fitBgbbColumns } from "./bgbb";
import { fitGammaGammaColumns } from "./gamma-gamma";
import { fitSbgColumns } from "./sbg";
import { fitNbd, nbdPredictor } from "./nbd";
import { fitGgomnbd, ggomnbdPredictor } from "./ggompertz-nbd";
import { FitColumns, FitOptions, FittedModel, ModelName, Parameters, PurchasePredictor } from "./types";

export interface ModelDefinition {
  name: ModelName;
  /** The FIT columns this model reads, besides frequency (checked as present before fit is called). */
  requires: readonly ("recency" | "age" | "monetary")[];
  fit(columns: FitColumns, options: FitOptions): FittedModel;
  /** For the purchase models: per-customer predictions from fitted parameters. */
  purchasePredictor?: (params: Parameters) => PurchasePredictor;
}

export const MODEL_DEFINITIONS: ModelDefinition[] = [
  { name: "bgnbd", requires: ["recency", "age"], fit: fitBgnbd, purchasePredictor: bgnbdPredictor },
  { name: "mbgnbd", requires: ["recency", "age"], fit: fitMbgnbd, purchasePredictor: mbgnbdPredictor },
  { name: "pnbd", requires: ["recency", "age"], fit: fitParetoNbd, purchasePredictor: paretoNbdPredictor },
  { name: "gg", requires: ["monetary"], fit: fitGammaGammaColumns },
  { name: "bgbb", requires: ["recency", "age"], fit: fitBgbbColumns, purchasePredictor: bgbbPredictorFromParameters },
  { name: "sbg", requires: [], fit: fitSbgColumns },
  { name: "nbd", requires: ["age"], fit: fitNbd, purchasePredictor: nbdPredictor },
  { name: "ggomnbd", requires: ["recency", "age"], fit: fitGgomnbd, purchasePredictor: ggomnbdPredictor },
];

/** The definition of a model, or undefined when this version cannot fit it yet. */
export function modelDefinition(name: ModelName): ModelDefinition | undefined {
  return MODEL_DEFINITIONS.find((definition) => definition.name === name);
}
