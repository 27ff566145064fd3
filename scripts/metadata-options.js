/**
 * Top-level functions.json settings the JSDoc generator cannot express (Office docs, custom-functions-json,
 * "Metadata reference"; they only work in metadata written or finished by hand):
 * - allowErrorForDataTypeAny: an error cell given to an `any` parameter reaches the function instead of stopping the
 *   call, so one #N/A among 1,000 customers gives an error in that row only, with a message naming it; functions
 *   that need every value (CUST.FIT, CUST.SUMMARY…) stop with a message naming the cell. Every parameter we declare
 *   is `any`, so every function handles error cells itself (src/functions/args.ts).
 * Applied by the webpack plugin to the emitted functions.json, and by scripts/make-docs.ts and the tests to theirs.
 */
const RUNTIME_OPTIONS = { allowErrorForDataTypeAny: true };

function withRuntimeOptions(metadata) {
  return { ...RUNTIME_OPTIONS, ...metadata, ...RUNTIME_OPTIONS };
}

module.exports = { RUNTIME_OPTIONS, withRuntimeOptions };
