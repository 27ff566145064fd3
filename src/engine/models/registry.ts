/**
 * Model name → how CUST.FIT fits it and how the prediction functions use its parameters.
 * To add a model, append one object literal to MODEL_DEFINITIONS (its name must be a ModelName, its
 * parameters those of MODEL_PARAMETERS in types.ts).
 */
import { bgnbdPredictor, bgnbdPreparedNegLogLikelihood, compressFitColumns, fitBgnbd, prepareBgnbdData } from "./bgnbd";
import { fitMbgnbd, mbgnbdPredictor } from "./mbgnbd";
import { fitParetoNbd, paretoNbdPredictor } from "./pareto-nbd";
import { paretoNbdPreparedNegLogLikelihood, prepareParetoNbdData } from "./pareto-nbd-likelihood";
import { bgbbPredictorFromParameters, fitBgbbColumns } from "./bgbb";
import { fitGammaGammaColumns, gammaGammaLogLikelihood, prepareGammaGammaData } from "./gamma-gamma";
import { fitSbgColumns } from "./sbg";
import { fitNbd, nbdPredictor } from "./nbd";
import { fitGgomnbd, ggomnbdPredictor } from "./ggompertz-nbd";
import { BoundaryProfile, betaMixing, diagnoseFit, gammaRateMixing, spendMixing } from "./diagnosis";
import { checkCovariateBounds, covariateStartColumns, fitWithCovariates } from "./covariates";
import {
  CovariateCapability,
  FitColumns,
  FitOptions,
  FittedModel,
  ModelName,
  Parameters,
  PurchasePredictor,
} from "./types";

export interface ModelDefinition {
  name: ModelName;
  /** The FIT columns this model reads, besides frequency (checked as present before fit is called). */
  requires: readonly ("recency" | "age" | "monetary")[];
  fit(columns: FitColumns, options: FitOptions): FittedModel;
  /** For the purchase models: per-customer predictions from fitted parameters. */
  purchasePredictor?: (params: Parameters) => PurchasePredictor;
  /** How a fit at the edge of the parameter space reads (diagnosis.ts). */
  boundary: BoundaryProfile;
  /**
   * −log L of the given columns as a function of the parameters (in MODEL_PARAMETERS order): for the uncertainty of
   * a fit (its information matrix) where only the CUST.FIT table and the customers are at hand.
   */
  negLogLikelihood?: (
    columns: FitColumns,
  ) => (params: ArrayLike<number>, gradient?: Float64Array, hessian?: Float64Array) => number;
  /**
   * negLogLikelihood fills `gradient` and `hessian` (row-major, in the natural parameters) exactly when given them:
   * the information matrix then takes one pass over the customers instead of a finite-difference grid of ~33.
   */
  exactHessian?: boolean;
  /** Static covariates (CUST.FIT's purchase_covariates, dropout_covariates), for the models that take them. */
  covariates?: CovariateCapability;
  /**
   * Offered where a purchase model is chosen for the user (the pane's CLV tiers, "best on holdout" in
   * selection.ts): a continuous-time model with drop-out whose fit takes seconds on tens of thousands of customers.
   * label is the model's usual name, the same in every language.
   */
  choice?: { label: string };
}

/**
 * BG/NBD with static covariates as CLVTools implements it (src/bgnbd.cpp, bgnbd_staticcov_LL_ind): α_i = α·exp(−γ_p·z)
 * (so the mean purchase rate r/α_i grows by exp(γ_p·z)), and a_i = a·exp(γ_d·z), b_i = b·exp(γ_d·z): the drop-out
 * covariates scale both Beta parameters, which keeps the mean drop-out probability a/(a+b) and changes how
 * customers differ around it.
 */
const BGNBD_COVARIATES: CovariateCapability = {
  purchase: [{ parameter: "alpha", sign: -1 }],
  dropout: [
    { parameter: "a", sign: 1 },
    { parameter: "b", sign: 1 },
  ],
  groupNegLogLikelihood: (data) => {
    const prepared = prepareBgnbdData(data);
    return (params, gradient, hessian) => bgnbdPreparedNegLogLikelihood(prepared, params, gradient, hessian);
  },
  exactHessian: true,
};

/**
 * Pareto/NBD with static covariates (CLVTools src/pnbd.cpp; Fader & Hardie note 019): α_i = α·exp(−γ_p·z) and
 * β_i = β·exp(−γ_d·z), so the mean purchase rate r/α_i and the mean drop-out rate s/β_i grow by exp(γ·z).
 */
const PNBD_COVARIATES: CovariateCapability = {
  purchase: [{ parameter: "alpha", sign: -1 }],
  dropout: [{ parameter: "beta", sign: -1 }],
  groupNegLogLikelihood: (data) => {
    const prepared = prepareParetoNbdData(data);
    return (params, gradient, hessian) => paretoNbdPreparedNegLogLikelihood(prepared, params, gradient, hessian);
  },
  exactHessian: true,
};

const bgnbdLikelihood = (modified: boolean) => (columns: FitColumns) => {
  const data = prepareBgnbdData(compressFitColumns(columns), modified);
  return (params: ArrayLike<number>, gradient?: Float64Array, hessian?: Float64Array) =>
    bgnbdPreparedNegLogLikelihood(data, params, gradient, hessian);
};

/** BG/NBD and MBG/NBD: λ ~ Gamma(r, α), drop-out after each purchase p ~ Beta(a, b). */
const BGNBD_BOUNDARY: BoundaryProfile = {
  rules: [
    gammaRateMixing("r", "alpha", "diagnostics.samePurchaseRate"),
    betaMixing("a", "b", "diagnostics.sameDropout"),
  ],
  scaleParameters: ["alpha"],
  repeatPurchases: true,
};

export const MODEL_DEFINITIONS: ModelDefinition[] = [
  {
    name: "bgnbd",
    requires: ["recency", "age"],
    fit: fitBgnbd,
    purchasePredictor: bgnbdPredictor,
    boundary: BGNBD_BOUNDARY,
    covariates: BGNBD_COVARIATES,
    negLogLikelihood: bgnbdLikelihood(false),
    exactHessian: true,
    choice: { label: "BG/NBD" },
  },
  {
    name: "mbgnbd",
    requires: ["recency", "age"],
    fit: fitMbgnbd,
    purchasePredictor: mbgnbdPredictor,
    boundary: BGNBD_BOUNDARY,
    negLogLikelihood: bgnbdLikelihood(true),
    exactHessian: true,
    choice: { label: "MBG/NBD" },
  },
  {
    name: "pnbd",
    requires: ["recency", "age"],
    fit: fitParetoNbd,
    purchasePredictor: paretoNbdPredictor,
    covariates: PNBD_COVARIATES,
    choice: { label: "Pareto/NBD" },
    // λ ~ Gamma(r, α), drop-out rate μ ~ Gamma(s, β) (Schmittlein, Morrison & Colombo 1987).
    boundary: {
      rules: [
        gammaRateMixing("r", "alpha", "diagnostics.samePurchaseRate"),
        gammaRateMixing("s", "beta", "diagnostics.sameLifetime"),
      ],
      scaleParameters: ["alpha", "beta"],
      repeatPurchases: true,
    },
    negLogLikelihood: (columns) => {
      const data = prepareParetoNbdData(compressFitColumns(columns));
      return (params, gradient, hessian) => paretoNbdPreparedNegLogLikelihood(data, params, gradient, hessian);
    },
    exactHessian: true,
  },
  {
    name: "gg",
    requires: ["monetary"],
    fit: fitGammaGammaColumns,
    boundary: { rules: spendMixing("p", "q", "gamma"), scaleParameters: ["gamma"], perPurchaseShapes: ["p"] },
    negLogLikelihood: (columns) => {
      const data = prepareGammaGammaData(columns.frequency, columns.monetary ?? [], columns.weights);
      return (x, gradient, hessian) => {
        const logLikelihood = gammaGammaLogLikelihood({ p: x[0], q: x[1], gamma: x[2] }, data, gradient, hessian);
        gradient?.forEach((v, i) => (gradient[i] = -v));
        hessian?.forEach((v, i) => (hessian[i] = -v));
        return -logLikelihood;
      };
    },
    exactHessian: true,
  },
  {
    name: "bgbb",
    requires: ["recency", "age"],
    fit: fitBgbbColumns,
    purchasePredictor: bgbbPredictorFromParameters,
    // Transaction p ~ Beta(α, β), drop-out θ ~ Beta(γ, δ) (Fader, Hardie & Shang 2010).
    boundary: {
      rules: [
        betaMixing("alpha", "beta", "diagnostics.sameTransaction"),
        betaMixing("gamma", "delta", "diagnostics.sameOpportunityDropout"),
      ],
      repeatPurchases: true,
    },
  },
  {
    name: "sbg",
    requires: [],
    fit: fitSbgColumns,
    // Churn θ ~ Beta(α, β) (Fader & Hardie 2007).
    boundary: { rules: [betaMixing("alpha", "beta", "diagnostics.sameChurn")] },
  },
  {
    name: "nbd",
    requires: ["age"],
    fit: fitNbd,
    purchasePredictor: nbdPredictor,
    // λ ~ Gamma(r, α), no drop-out (Ehrenberg 1959).
    boundary: {
      rules: [gammaRateMixing("r", "alpha", "diagnostics.samePurchaseRate")],
      scaleParameters: ["alpha"],
      repeatPurchases: true,
    },
  },
  {
    name: "ggomnbd",
    requires: ["recency", "age"],
    fit: fitGgomnbd,
    purchasePredictor: ggomnbdPredictor,
    // λ ~ Gamma(r, α); Gompertz lifetime, η ~ Gamma(s, β) (Bemmaor & Glady 2012). b is a rate per period.
    boundary: {
      rules: [
        gammaRateMixing("r", "alpha", "diagnostics.samePurchaseRate"),
        gammaRateMixing("s", "beta", "diagnostics.sameGompertzLifetime"),
      ],
      scaleParameters: ["alpha", "b", "beta"],
      repeatPurchases: true,
    },
  },
];

/** Fits a model and diagnoses where the fit ended (status converged / boundary / not converged, in plain words). */
export function fitModel(definition: ModelDefinition, columns: FitColumns, options: FitOptions = {}): FittedModel {
  const withCovariates =
    (columns.purchaseCovariates?.names.length ?? 0) + (columns.dropoutCovariates?.names.length ?? 0) > 0;
  // Before the fit without covariates (the start), so a refused call costs nothing.
  if (withCovariates && definition.covariates) checkCovariateBounds(columns);
  // With covariates, the fit without them is the start, made on a sample of the customers where that is enough;
  // where it has no finite likelihood, it is what the call reports, so it is made on all of them.
  const startColumns =
    withCovariates && definition.covariates ? covariateStartColumns(columns, definition.covariates) : columns;
  let base = definition.fit(startColumns, options);
  if (startColumns !== columns && !Number.isFinite(base.logLikelihood)) base = definition.fit(columns, options);
  const raw =
    withCovariates && definition.covariates && Number.isFinite(base.logLikelihood)
      ? fitWithCovariates(base, definition.covariates, columns, options)
      : base;
  const fit = diagnoseFit(raw, definition.boundary, columns);
  // A penalised optimum is not the maximum-likelihood estimate: the message says so.
  if (fit.status === "converged" && options.penalty) {
    return { ...fit, diagnosis: [{ key: "diagnostics.convergedPenalised", params: { penalty: options.penalty } }] };
  }
  return fit;
}

/** The definition of a model, or undefined when this version cannot fit it yet. */
export function modelDefinition(name: ModelName): ModelDefinition | undefined {
  return MODEL_DEFINITIONS.find((definition) => definition.name === name);
}
