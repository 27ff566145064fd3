/**
 * Fits on bases far larger than a subsample (issue 12: 1,048,576 customers). fitLogParameters runs its starts on a
 * small subsample (a few thousand histories) and polishes the best optimum on every history by Newton's method;
 * from a few thousand histories to a million, that optimum is several of the full data's standard errors away, and
 * on a ridge (GGompertz/NBD's b → 0, its Pareto/NBD limit) Newton walks down it one full-data pass per step. Here
 * a sample of MID_ROWS histories is fitted first the same way, and its optimum starts the full fit, with that sample
 * as the subsample: the walk and most of the approach cost passes over the sample, and the full data takes the last
 * few Newton steps. Same optimum: the full data's Newton polish decides where the fit ends.
 */
import { fitLogParameters, LogParameterFit, LogParameterFitSpec } from "../optim/fit";
import { CompressedHistories, everyKth } from "./compress";

/** Histories in the intermediate sample (a sixteenth of a 1,048,576-customer base). */
export const MID_ROWS = 65536;

/**
 * `specFor(data)` builds a model's fit of some histories (with its own small subsample). Below 4 × MID_ROWS
 * distinct histories this is that fit; above, the fit of every k-th history first, then the full fit started there.
 * `specFor(data, true)` may leave out its subsample: the full fit's is the sample (and a spec that leaves it out
 * is built again with it where the fit goes unstaged).
 */
export function stagedFit(
  data: CompressedHistories,
  specFor: (data: CompressedHistories, sampleReplacesSubsample?: boolean) => LogParameterFitSpec,
): LogParameterFit & { n: number } {
  const staged = data.size > 4 * MID_ROWS;
  const spec = specFor(data, staged);
  const n = spec.n ?? data.total;
  if (!staged || !spec.negLogLikelihoodWithHessian || !spec.negLogLikelihoodWithGradient) {
    return { n, ...fitLogParameters(staged ? specFor(data) : spec) };
  }
  const sample = everyKth(data, MID_ROWS);
  const sampleSpec = specFor(sample);
  // The sample's polish walks as far as its own rounding allows (the full fit starts there): a polish that stops a
  // confirming pass early saves a pass of the full data, not of the sample.
  const first = fitLogParameters({ ...sampleSpec, polishStopsAtRounding: false });
  const start = spec.names.map((name) => first.params[name]);
  if (!Number.isFinite(first.logLikelihood) || !start.every((v) => v > 0 && Number.isFinite(v))) {
    return { n, ...fitLogParameters(specFor(data)) };
  }
  const fit = fitLogParameters({
    ...spec,
    starts: [start],
    newtonFirst: true,
    subsample: {
      negLogLikelihoodWithGradient: sampleSpec.negLogLikelihoodWithGradient!,
      negLogLikelihoodWithHessian: sampleSpec.negLogLikelihoodWithHessian,
      negLogLikelihood: sampleSpec.exactValueAlone ? sampleSpec.negLogLikelihood : undefined,
      n: sample.total,
    },
  });
  return { n, ...fit, iterations: first.iterations + fit.iterations };
}
