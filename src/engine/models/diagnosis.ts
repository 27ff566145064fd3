/**
 * Honest convergence: what a fit's end point means, in plain words. An optimiser reports "converged" when its
 * steps stop improving, which also happens when the likelihood keeps rising towards the edge of the parameter
 * space (a, b → ∞ in BG/NBD: every customer has the same drop-out probability). Such a fit is a "boundary" fit:
 * the model reduces to a simpler one (the mixing distribution collapses onto its mean), or the data cannot pin
 * the parameters down at all (one customer; nobody ever came back). Each model declares, in the registry, how
 * its mixing distributions collapse; nothing here knows a model by name.
 */
import { Locale, MessageKey, t } from "../../i18n";
import { BUDGET_MESSAGE } from "../optim/fit";
import { FitColumns, FitDiagnosis, FitStatus, FittedModel, MODEL_PARAMETERS, Parameters } from "./types";

/**
 * A unit-free shape parameter (or the precision a + b of a beta mixing distribution) above this value leaves
 * almost no customer-to-customer difference: the coefficient of variation of a Gamma(r, α) rate is 1/√r, so
 * 1e5 means 0.3%. The fits of the literature stay below 1e3.
 */
export const LARGE = 1e5;
/** A unit-free shape parameter below this puts almost every customer at zero: the data cannot tell more. */
export const TINY = 1e-5;
/** Parameters in the data's units (time, money) are at the edge only far beyond any unit conversion. */
const SCALE_EDGE = { low: 1e-10, high: 1e12 } as const;

/** Diagnosis params under this prefix are listed as "name = value" in the message's {values}. */
const VALUE_PREFIX = "value:";

/** One way a model's fit can sit at the edge of the parameter space, and what that means. */
export interface BoundaryRule {
  /** The parameters the rule is about (an edge of any of them is then explained by this rule). */
  names: readonly string[];
  reached(params: Parameters): boolean;
  diagnosis(params: Parameters): FitDiagnosis;
}

/** How a model's fits are diagnosed: declared once per model in the registry. */
export interface BoundaryProfile {
  rules: readonly BoundaryRule[];
  /** Parameters measured in the data's units (time or money); the others are unit-free shapes. */
  scaleParameters?: readonly string[];
  /** True when the frequency column counts repeat purchases: a base where nobody came back is at the edge. */
  repeatPurchases?: boolean;
  /**
   * Shapes of one purchase's distribution (Gamma-Gamma's p): a customer's x purchases together have x times that
   * shape, so the low edge (TINY) is judged on the shape times the median repeat customer's frequency. At frequencies
   * in the millions a shape of 10⁻⁶ is an ordinary estimate, not a collapse.
   */
  perPurchaseShapes?: readonly string[];
}

/** A rate λ ~ Gamma(shape, scale) per period: shape → ∞ with shape/scale fixed gives one rate for everyone. */
export function gammaRateMixing(
  shape: string,
  scale: string,
  key: Extract<
    MessageKey,
    "diagnostics.samePurchaseRate" | "diagnostics.sameLifetime" | "diagnostics.sameGompertzLifetime"
  >,
): BoundaryRule {
  return {
    names: [shape, scale],
    reached: (p) => p[shape] > LARGE,
    diagnosis: (p) => {
      const mean = p[shape] / p[scale];
      return {
        key,
        params: { shape, scale, shapeValue: p[shape], scaleValue: p[scale], mean, lifetime: 1 / mean },
      };
    },
  };
}

/** A probability ~ Beta(first, second): first + second → ∞ gives one probability, first/(first + second), for all. */
export function betaMixing(
  first: string,
  second: string,
  key: Extract<
    MessageKey,
    | "diagnostics.sameDropout"
    | "diagnostics.sameTransaction"
    | "diagnostics.sameOpportunityDropout"
    | "diagnostics.sameChurn"
  >,
): BoundaryRule {
  return {
    names: [first, second],
    reached: (p) => p[first] + p[second] > LARGE,
    diagnosis: (p) => {
      const mean = p[first] / (p[first] + p[second]);
      return {
        key,
        params: { first, second, firstValue: p[first], secondValue: p[second], mean, retention: 1 - mean },
      };
    },
  };
}

/**
 * Gamma-Gamma (Fader, Hardie & Lee 2005b): spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ). q → ∞ with
 * γ/q fixed leaves one ν, so one average spend p·γ/(q − 1) for everyone; p → ∞ leaves no purchase-to-purchase
 * variation in a customer's spend.
 */
export function spendMixing(p: string, q: string, gamma: string): BoundaryRule[] {
  return [
    {
      names: [q, gamma],
      reached: (v) => v[q] > LARGE,
      diagnosis: (v) => ({
        key: "diagnostics.sameAverageSpend",
        params: {
          shape: q,
          scale: gamma,
          shapeValue: v[q],
          scaleValue: v[gamma],
          mean: (v[p] * v[gamma]) / (v[q] - 1),
        },
      }),
    },
    {
      names: [p],
      reached: (v) => v[p] > LARGE,
      diagnosis: (v) => ({ key: "diagnostics.steadySpend", params: { shape: p, shapeValue: v[p] } }),
    },
  ];
}

/** The status a fit carries, also for fits made before statuses existed (TRUE → converged). */
export function fitStatus(fit: FittedModel): FitStatus {
  return fit.status ?? (fit.converged ? "converged" : "not converged");
}

const atEdge = (value: number, scale: boolean) =>
  scale ? value < SCALE_EDGE.low || value > SCALE_EDGE.high : value < TINY || value > LARGE;

/**
 * The fit with its status and plain-words diagnosis; converged is TRUE only for "converged". Data-level
 * causes (one customer, no repeat purchase at all) come first; then the model's collapsing mixing
 * distributions; then any other parameter at the edge; then the optimiser's own verdict.
 */
export function diagnoseFit(fit: FittedModel, profile: BoundaryProfile, columns?: FitColumns): FittedModel {
  const names = MODEL_PARAMETERS[fit.model];
  const params = fit.params;
  const finished = (status: FitStatus, diagnosis: FitDiagnosis[]): FittedModel => ({
    ...fit,
    status,
    converged: status === "converged",
    diagnosis,
  });
  if (
    !Number.isFinite(fit.logLikelihood) ||
    names.some((name) => !(params[name] > 0) || !Number.isFinite(params[name]))
  ) {
    return finished("not converged", [
      {
        key: fit.message === "no finite likelihood" ? "diagnostics.noFiniteLikelihood" : "diagnostics.notConverged",
        params: {},
      },
    ]);
  }
  if (fit.n <= 1) return finished("boundary", [{ key: "diagnostics.singleCustomer", params: {} }]);
  if (profile.repeatPurchases && columns && nobodyCameBack(columns)) {
    return finished("boundary", [{ key: "diagnostics.nobodyReturned", params: {} }]);
  }
  const scale = new Set(profile.scaleParameters ?? []);
  const perPurchase = new Set(profile.perPurchaseShapes ?? []);
  const typical = perPurchase.size > 0 && columns ? medianRepeatFrequency(columns) : 1;
  const fired = profile.rules.filter((rule) => rule.reached(params));
  const explained = new Set(fired.flatMap((rule) => rule.names));
  const unexplained = names.filter(
    (name) =>
      !explained.has(name) &&
      (perPurchase.has(name)
        ? params[name] * typical < TINY || params[name] > LARGE
        : atEdge(params[name], scale.has(name))),
  );
  if (fired.length === 0 && unexplained.length === 0) {
    if (fit.converged) return finished("converged", [{ key: "diagnostics.converged", params: {} }]);
    return finished("not converged", [
      fit.message === BUDGET_MESSAGE
        ? { key: "diagnostics.budgetReached", params: {} }
        : notConvergedDiagnosis(columns),
    ]);
  }
  const diagnosis: FitDiagnosis[] = fired.map((rule) => rule.diagnosis(params));
  if (fired.length > 0) diagnosis.push({ key: "diagnostics.boundaryAdvice", params: {} });
  if (unexplained.length > 0) {
    diagnosis.push({
      key: "diagnostics.edge",
      params: {
        names: unexplained.join(", "),
        ...Object.fromEntries(unexplained.map((name) => [`${VALUE_PREFIX}${name}`, params[name]])),
      },
    });
  }
  return finished("boundary", diagnosis);
}

/**
 * Frequencies above this make the likelihood's terms (r + x)·ln(α + T) so large that its rounding hides the last
 * steps of the search: the optimiser cannot confirm an optimum it is at.
 */
export const HUGE_FREQUENCY = 1e5;

/** Why a search did not settle: a frequency so large the likelihood cannot be computed finely enough, or in general. */
function notConvergedDiagnosis(columns?: FitColumns): FitDiagnosis {
  let largest = 0;
  let row = 0;
  if (columns) {
    for (let i = 0; i < columns.frequency.length; i++) {
      if (columns.frequency[i] > largest) {
        largest = columns.frequency[i];
        row = i + 1;
      }
    }
  }
  return largest > HUGE_FREQUENCY
    ? { key: "diagnostics.hugeFrequency", params: { found: largest, row } }
    : { key: "diagnostics.notConverged", params: {} };
}

/** The median frequency of the customers with at least one repeat purchase (1 when there are none). */
function medianRepeatFrequency({ frequency, weights }: FitColumns): number {
  const repeat = frequency.filter((x, i) => x > 0 && !(weights && !(weights[i] > 0))).sort();
  return repeat.length > 0 ? repeat[repeat.length >> 1] : 1;
}

function nobodyCameBack({ frequency, weights }: FitColumns): boolean {
  for (let i = 0; i < frequency.length; i++) {
    if (weights && !(weights[i] > 0)) continue;
    if (frequency[i] > 0) return false;
  }
  return true;
}

/** Numbers in a diagnosis: 4 significant digits in the locale's style, scientific when very large or small. */
export function formatDiagnosticNumber(value: number, locale: Locale): string {
  const abs = Math.abs(value);
  const scientific = abs !== 0 && (abs >= 1e6 || abs < 1e-4);
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-US", {
    maximumSignificantDigits: 4,
    notation: scientific ? "scientific" : "standard",
  }).format(value);
}

/** A fit's diagnosis as one text in the user's language. */
export function describeDiagnosis(diagnosis: readonly FitDiagnosis[] | undefined, locale: Locale): string {
  return (diagnosis ?? [])
    .map(({ key, params }) => {
      const values: Record<string, string> = {};
      const listed: string[] = [];
      for (const [name, value] of Object.entries(params)) {
        const text = typeof value === "number" ? formatDiagnosticNumber(value, locale) : value;
        if (name.startsWith(VALUE_PREFIX)) listed.push(`${name.slice(VALUE_PREFIX.length)} = ${text}`);
        else values[name] = text;
      }
      if (listed.length > 0) values.values = listed.join("; ");
      return t(key, values, locale);
    })
    .join(" ");
}

/**
 * Akaike and Bayesian information criteria, AIC = 2k − 2 ln L and BIC = k ln n − 2 ln L, with k the number of
 * parameters and n the customers (or cohort members) the fit used: the lower, the better the model balances
 * fit and size on the same data.
 */
export function informationCriteria(fit: FittedModel): { aic: number; bic: number } {
  // The covariate coefficients count as parameters too.
  const k =
    MODEL_PARAMETERS[fit.model].length + (fit.covariates?.purchase.length ?? 0) + (fit.covariates?.dropout.length ?? 0);
  const ll = fit.logLikelihood;
  if (!Number.isFinite(ll)) return { aic: NaN, bic: NaN };
  return { aic: 2 * k - 2 * ll, bic: fit.n > 0 ? k * Math.log(fit.n) - 2 * ll : NaN };
}
