/** Progress thinned out for the pane: first and last of a step always, at most one per interval between, the latest held back delivered. */
import type { Progress } from "../../src/excel/workbook";
import { throttleProgress } from "../../src/taskpane/compute/progress";

const at = (done: number, total = 10, step = "excel.progress.writingValues") => ({ step, done, total }) as Progress;

test("first, last and the latest held back go through; the rest are dropped", () => {
  jest.useFakeTimers();
  try {
    const seen: number[] = [];
    const report = throttleProgress((p) => seen.push(p.done), 250);
    report(at(1));
    report(at(2));
    report(at(3));
    expect(seen).toEqual([1]);
    jest.advanceTimersByTime(250);
    expect(seen).toEqual([1, 3]);
    report(at(4));
    report(at(10));
    expect(seen).toEqual([1, 3, 10]);
    jest.advanceTimersByTime(1000);
    expect(seen).toEqual([1, 3, 10]);
  } finally {
    jest.useRealTimers();
  }
});

test("a new step is reported at once", () => {
  const seen: string[] = [];
  const report = throttleProgress((p) => seen.push(`${p.step} ${p.done}`), 10_000);
  report(at(1, 10, "excel.progress.writingValues"));
  report(at(1, 10, "excel.progress.writingFormats"));
  expect(seen).toEqual(["excel.progress.writingValues 1", "excel.progress.writingFormats 1"]);
});
