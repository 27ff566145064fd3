/**
 * Progress reports thinned out: each one re-renders the pane (tens of ms on a loaded machine), and a million-row read,
 * compute or write reports hundreds. A phase's first report, its last (done = total) and at most one per `ms`
 * between them go through.
 */
import type { Progress } from "../../excel/workbook";

/** Least time between two reports of the same step. */
export const PROGRESS_MS = 250;

export function throttleProgress(
  onProgress: ((progress: Progress) => void) | undefined,
  ms = PROGRESS_MS,
): (progress: Progress) => void {
  let last: { step: string; at: number } | null = null;
  // A report held back is delivered when its time comes, unless a newer one replaces it first.
  let held: Progress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const deliver = (progress: Progress) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    held = null;
    last = { step: progress.step, at: Date.now() };
    onProgress?.(progress);
  };
  return (progress) => {
    const final = progress.done >= progress.total;
    const wait = last && last.step === progress.step ? last.at + ms - Date.now() : 0;
    if (final || wait <= 0) return deliver(progress);
    held = progress;
    timer ??= setTimeout(() => held && deliver(held), wait);
  };
}
