/**
 * Apply, Refresh and Remove are loaded when first used (src/taskpane/load-actions.ts): a load that fails is a
 * failure with a message, what of ours is in the workbook stays reported, and the next use loads again.
 */
import { t } from "../../src/i18n/all";
import { withSegmentationActions } from "../../src/taskpane/load-actions";

const ACTIONS = "../../src/taskpane/segmentation-actions";

afterEach(() => jest.dontMock(ACTIONS));

test("an action whose code cannot be loaded fails with a message, and what was written is still reported", async () => {
  jest.doMock(ACTIONS, () => {
    throw new Error("Loading chunk segmentation failed");
  });
  const left = { columns: ["Segment"], sheets: ["Segments"] };
  const run = jest.fn();
  const outcome = await withSegmentationActions(run, left);
  expect(run).not.toHaveBeenCalled();
  expect(outcome).toEqual({ ok: false, failure: expect.objectContaining({ key: "pane.notLoaded" }), written: left });
  expect(t("pane.notLoaded", {}, "fr")).not.toBe(t("pane.notLoaded", {}, "en"));
});

test("the next use after a failed load loads the actions", async () => {
  jest.doMock(ACTIONS, () => {
    throw new Error("Loading chunk segmentation failed");
  });
  expect((await withSegmentationActions(async () => ({ ok: true, value: 1 }))).ok).toBe(false);
  jest.doMock(ACTIONS, () => ({ applySegmentation: () => "loaded" }));
  const outcome = await withSegmentationActions(async (actions) => ({
    ok: true,
    value: (actions.applySegmentation as unknown as () => string)(),
  }));
  expect(outcome).toEqual({ ok: true, value: "loaded" });
});
