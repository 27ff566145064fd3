/**
 * Long computations written once as generators that yield every few thousand items: run to the end at once
 * (runSteps), or with a pause whenever a slice has held the thread for SLICE_MS (runStepsSliced), so the pane's
 * thread paints and answers between slices however loaded the machine is. The same code runs both ways, so both give
 * the same result.
 */

/** Items a step covers between two yields (a check of the clock, not a pause). */
export const STEP_ITEMS = 2_048;
/** The longest the thread is held before a pause: well under the 50 ms of a "long task". */
export const SLICE_MS = 10;

export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runStepsSliced<T>(steps: Steps<T>, pause: () => Promise<void> = macrotask): Promise<T> {
  let since = performance.now();
  let next = steps.next();
  while (!next.done) {
    if (performance.now() - since >= SLICE_MS) {
      await pause();
      since = performance.now();
    }
    next = steps.next();
  }
  return next.value;
}
