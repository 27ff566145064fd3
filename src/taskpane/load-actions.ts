/**
 * Apply, Refresh, Remove and the compute on the pane's thread (segmentation-actions.ts), loaded when first used: the
 * segmentation engine and the sheet writers are not needed to open the pane, so webpack puts them in a chunk of their
 * own (segmentation.js) outside the pane's first load. A load that fails (the connection dropped) is a failure the
 * pane shows, and the next use tries again.
 */
import type { WorkbookFailure } from "../excel/workbook";
import type { ActionOutcome, Written } from "./segmentation-actions";

export type SegmentationActions = typeof import("./segmentation-actions");

let loading: Promise<SegmentationActions> | undefined;

export async function loadSegmentationActions(): Promise<
  { ok: true; actions: SegmentationActions } | { ok: false; failure: WorkbookFailure }
> {
  loading ??= import(/* webpackChunkName: "segmentation" */ "./segmentation-actions");
  try {
    return { ok: true, actions: await loading };
  } catch (error) {
    loading = undefined;
    return {
      ok: false,
      failure: {
        code: "notLoaded",
        key: "pane.notLoaded",
        detail: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

/**
 * Runs an action once its code is loaded; when it cannot be, the action's failure with `left` (what of ours is in the
 * workbook, unchanged since the action did not start).
 */
export async function withSegmentationActions<T>(
  run: (actions: SegmentationActions) => Promise<ActionOutcome<T>>,
  left: Written = { columns: [], sheets: [] },
): Promise<ActionOutcome<T>> {
  const loaded = await loadSegmentationActions();
  return loaded.ok ? run(loaded.actions) : { ok: false, failure: loaded.failure, written: left };
}
