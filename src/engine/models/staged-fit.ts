/**
 * Fits on bases far larger than a subsample (issue 12: 1,048,576 customers). fitLogParameters runs its starts on a
 * small subsample (a few thousand histories) and polishes the best optimum on every history by Newton's method;
 * from a few thousand histories to a million, that optimum is several of the full data's standard errors away, and
 * on a ridge (GGompertz/NBD's b → 0, its Pareto/NBD limit; s, β → ∞) Newton walks down it one full-data pass per
 * step. Here a sample of MID_ROWS histories is fitted first, and its optimum starts the full fit, with that sample as
 * the subsample: the walk and most of the approach cost passes over the sample, and the full data takes the last few
 * Newton steps. Optionally the sample's own fit is made the same way from a sample of INNER_ROWS of its histories, so
 * that the walk costs passes over a quarter of it. Same optimum: the full data's Newton polish decides where the fit
 * ends.
 */
import { fitLogParameters, LogParameterFit, LogParameterFitSpec } from "../optim/fit";
import { CompressedHistories, everyKth } from "./compress";

/** Histories in the intermediate sample (a sixteenth of a 1,048,576-customer base). */
export const MID_ROWS = 65536;

/** Histories in the sample the intermediate sample's fit starts from. */
const INNER_ROWS = MID_ROWS / 4;

/** A spec whose polish can be Newton's method with the value alone for backtracking. */
const newtonReady = (spec: LogParameterFitSpec) =>
  spec.negLogLikelihoodWithHessian !== undefined && spec.negLogLikelihoodWithGradient !== undefined;

/**
 * `specFor(data)` builds a model's fit of some histories (with its own small subsample). Below 4 × MID_ROWS
 * distinct histories this is that fit; above, the fit of every k-th history first, then the full fit started there.
 * `specFor(data, true)` may leave out its subsample: the full fit's is the sample (and a spec that leaves it out
 * is built again with it where the fit goes unstaged). With innerStage, the sample's fit starts from the fit of a
 * quarter of it (for a model whose sample walks a long ridge; where the walk ends at the likelihood's noise, as
 * Pareto/NBD's s, β → ∞ at frequencies in the billions, a different path can end on either side of the boundary).
 */
export function stagedFit(
  data: CompressedHistories,
  specFor: (data: CompressedHistories, sampleReplacesSubsample?: boolean) => LogParameterFitSpec,
  { innerStage = false }: { innerStage?: boolean } = {},
): LogParameterFit & { n: number } {
  const staged = data.size > 4 * MID_ROWS;
  const spec = specFor(data, staged);
  const n = spec.n ?? data.total;
  if (!staged || !newtonReady(spec)) return { n, ...fitLogParameters(staged ? specFor(data) : spec) };
  return { n, ...fitFromSample(data, spec, specFor, MID_ROWS, {}, innerStage ? INNER_ROWS : MID_ROWS) };
}

/**
 * Fits `data` (its `spec` without a subsample) from the fit of every k-th of its histories (`rows` of them), that
 * sample then being its subsample; the sample's fit is staged too while a quarter of it is at least INNER_ROWS.
 */
function fitFromSample(
  data: CompressedHistories,
  spec: LogParameterFitSpec,
  specFor: (data: CompressedHistories, sampleReplacesSubsample?: boolean) => LogParameterFitSpec,
  rows: number,
  overrides: Partial<LogParameterFitSpec>,
  smallest: number,
): LogParameterFit {
  const sample = everyKth(data, rows);
  const inner = rows / 4;
  const nested = inner >= smallest && sample.size > 2 * inner;
  const sampleSpec = specFor(sample, nested);
  // The sample's polish walks as far as its own rounding allows (the fit of the data starts there): a polish that
  // stops a confirming pass early saves a pass of the data, not of the sample.
  const walk = { polishStopsAtRounding: false };
  const first =
    nested && newtonReady(sampleSpec)
      ? fitFromSample(sample, sampleSpec, specFor, inner, walk, smallest)
      : fitLogParameters({ ...(nested ? specFor(sample) : sampleSpec), ...walk });
  const start = spec.names.map((name) => first.params[name]);
  if (!Number.isFinite(first.logLikelihood) || !start.every((v) => v > 0 && Number.isFinite(v))) {
    return fitLogParameters({ ...specFor(data), ...overrides });
  }
  const fit = fitLogParameters({
    ...spec,
    ...overrides,
    starts: [start],
    newtonFirst: true,
    subsample: {
      negLogLikelihoodWithGradient: sampleSpec.negLogLikelihoodWithGradient!,
      negLogLikelihoodWithHessian: sampleSpec.negLogLikelihoodWithHessian,
      negLogLikelihood: sampleSpec.exactValueAlone ? sampleSpec.negLogLikelihood : undefined,
      n: sample.total,
    },
  });
  return { ...fit, iterations: first.iterations + fit.iterations };
}
