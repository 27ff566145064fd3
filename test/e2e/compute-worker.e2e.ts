/**
 * The pane's compute worker in a real browser (the development build's compute-probe.html): the same result as the
 * main thread, and the page's thread watched while a 1,048,576-row table is segmented (long tasks from a
 * PerformanceObserver, and the longest gap between animation frames).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { formatNumber, t } from "../../src/i18n/all";
import { BASE_URL, BrowserSession, launch, paneFrame } from "./harness";
import { LongTask, watchMainThread } from "./main-thread";

interface ProbeRun {
  ok: boolean;
  wallMs: number;
  longTasks: number[];
  longTaskStarts: number[];
  maxFrameGapMs: number;
  progress: { step: string; done: number; total: number; at: number }[];
  customers: number;
}

let session: BrowserSession;
let page: Page;

before(async () => {
  session = await launch();
  page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(`${BASE_URL}compute-probe.html`);
  await page.waitForFunction(() => "computeProbe" in window);
});

after(async () => {
  await session?.close();
});

describe("the pane's compute worker", () => {
  it("gives the main thread's result exactly", async () => {
    const { worker, main } = await page.evaluate(() =>
      (
        window as unknown as { computeProbe: { compare(n: number): Promise<{ worker: string; main: string }> } }
      ).computeProbe.compare(45_000),
    );
    assert.ok(main.startsWith('{"ok":true'), main.slice(0, 200));
    assert.equal(worker, main);
  });

  it(
    "keeps the page's thread free while 1,048,576 rows go to the worker, and reports it while they come back",
    { timeout: 300_000 },
    async () => {
      // With E2E_VERBOSE, what filled each long task (the profiler slows the page a little).
      const watch = process.env.E2E_VERBOSE ? await watchMainThread(page, page.mainFrame()) : null;
      const run = await page.evaluate(() =>
        (window as unknown as { computeProbe: { run(n: number): Promise<ProbeRun> } }).computeProbe.run(1_048_576),
      );
      for (const task of (await watch?.stop()) ?? []) {
        console.log(`  [${task.start}, ${task.duration}] self: ${task.top.map((f) => `${f.name} ${f.ms}`).join("; ")}`);
        console.log(`      stacks: ${task.stacks.map((f) => `${f.name} ${f.ms}`).join("; ")}`);
      }
      console.log(
        `1,048,576 rows through the worker: ${run.wallMs.toFixed(0)} ms; long tasks ${run.longTasks.length} ` +
          `(longest ${Math.max(0, ...run.longTasks).toFixed(0)} ms); longest gap between frames ${run.maxFrameGapMs.toFixed(0)} ms`,
      );
      if (process.env.E2E_VERBOSE)
        console.log(
          JSON.stringify({
            tasks: run.longTasks.map((d, i) => [Math.round(run.longTaskStarts[i]), Math.round(d)]),
            progress: run.progress
              .filter((p, i) => i % 10 === 0 || p.step !== "compute.progress.sending")
              .map((p) => [p.step, p.done, p.total, Math.round(p.at)]),
          }),
        );
      assert.equal(run.ok, true);
      assert.equal(run.customers, 1_048_576);
      assert.ok(run.progress.some((p) => p.step === "compute.progress.sending" && p.done === p.total));
      assert.ok(run.progress.some((p) => p.step === "compute.progress.receiving" && p.done === p.total));
      // Handing the rows over: no task over 100 ms while it lasts. The whole trip, Preview to Apply in the real pane, is
      // asserted below ("the pane on a million rows"); here the rest is reported above.
      const computing = run.progress.find((p) => p.step === "compute.progress.computing")!.at;
      const whileSending = run.longTasks.filter((_, i) => run.longTaskStarts[i] < computing);
      const longest = Math.max(0, ...whileSending);
      assert.ok(
        longest <= 100,
        `a long task of ${longest.toFixed(0)} ms on the page's thread while the rows went over`,
      );
    },
  );
});

/** The real pane in the probe page, on an in-memory table of `n` rows, read and checked: Preview is enabled. */
async function paneOnRows(probe: Page, n: number) {
  await probe.goto(`${BASE_URL}compute-probe.html`);
  await probe.waitForFunction(() => "computeProbe" in window);
  await probe.evaluate(
    (rows) => (window as unknown as { computeProbe: { mountPane(n: number): void } }).computeProbe.mountPane(rows),
    n,
  );
  const pane = await paneFrame(probe);
  await pane.getByRole("button", { name: t("pane.table.use") }).click();
  const previewButton = pane.getByRole("button", { name: t("pane.preview.button") });
  await previewButton.waitFor();
  // The checks of a million rows run after the table is read; Preview is enabled once they are done.
  await pane.waitForFunction(
    (name) =>
      [...document.querySelectorAll("button")].some((button) => button.textContent === name && !button.disabled),
    t("pane.preview.button"),
    { timeout: 120_000, polling: 200 },
  );
  return { pane, previewButton };
}

describe("the pane on a million rows", () => {
  it(
    "keeps the page's thread free from Preview to Apply on 1,048,576 rows, and writes the main thread's result",
    { timeout: 600_000 },
    async () => {
      const n = 1_048_576;
      const probe = await session.context.newPage();
      try {
        const { pane, previewButton } = await paneOnRows(probe, n);
        const watch = await watchMainThread(probe, pane);
        const phases: [string, number][] = [];
        phases.push(["preview clicked", await watch.now()]);
        await previewButton.click();
        await pane
          .getByRole("table", { name: t("pane.preview.caption", { customers: formatNumber(n, "en") }) })
          .waitFor({ timeout: 300_000 });
        phases.push(["preview shown", await watch.now()]);
        await pane.getByRole("button", { name: t("pane.apply.button") }).click();
        phases.push(["apply clicked", await watch.now()]);
        await pane.getByText(/^Done:/).waitFor({ timeout: 300_000 });
        phases.push(["applied", await watch.now()]);
        const tasks: LongTask[] = await watch.stop();
        const longest = Math.max(0, ...tasks.map((task) => task.duration));
        // Chromium's own account of the same tasks: wall time, and the CPU time the page's thread had in it.
        console.log(
          `  tasks over 50 ms in Chromium's trace, wall/CPU ms: ${watch.runTasks.map((task) => `${task.wallMs}/${task.cpuMs}`).join(", ") || "none"}`,
        );
        console.log(
          `Preview and Apply on ${n.toLocaleString("en")} rows: ` +
            phases.map(([name, at]) => `${name} ${at.toFixed(0)} ms`).join(", ") +
            `; long tasks ${tasks.length} (longest ${longest.toFixed(0)} ms)`,
        );
        if (process.env.E2E_VERBOSE) {
          for (const task of tasks) {
            console.log(
              `  [${task.start}, ${task.duration}] self: ${task.top.map((f) => `${f.name} ${f.ms}`).join("; ")}`,
            );
            console.log(`      stacks: ${task.stacks.map((f) => `${f.name} ${f.ms}`).join("; ")}`);
          }
        }
        const checked = await probe.evaluate(
          (rows) =>
            (
              window as unknown as {
                computeProbe: { checkApplied(n: number): { columns: number; difference: string | null } };
              }
            ).computeProbe.checkApplied(rows),
          n,
        );
        assert.equal(checked.difference, null);
        assert.ok(checked.columns > 0);
        // "Busy" is the thread's own time: on this 2-core machine, shared with builds, a task's wall time also counts
        // the time it waited for a core. Every task over 100 ms of wall time must have had at most 100 ms of CPU on
        // the page's thread (Chromium's trace: RunTask's thread duration); the wall times are reported above.
        assert.ok(watch.traced.mainThread, "the trace did not name the page's main thread");
        const overWall = watch.runTasks.filter((task) => task.wallMs > 100);
        for (const task of overWall) {
          assert.ok(task.cpuMs !== null, `a task of ${task.wallMs} ms has no CPU time in the trace`);
          assert.ok(
            task.cpuMs <= 100,
            `the page's thread was busy for ${task.cpuMs} ms at a stretch (wall ${task.wallMs} ms) between Preview and Done`,
          );
        }
        // The trace saw the long tasks the page's observer saw (every task over 50 ms is in runTasks).
        if (longest > 100)
          assert.ok(watch.runTasks.length > 0, `a ${longest.toFixed(0)} ms long task is not in the trace`);
      } finally {
        await probe.close();
      }
    },
  );

  it("Preview shows its progress and Cancel stops it; the next Preview runs", async () => {
    const n = 1_048_576;
    const probe = await session.context.newPage();
    try {
      const { pane, previewButton } = await paneOnRows(probe, n);
      await previewButton.click();
      // The calculation's progress bar and its Cancel button, while the rows go to the worker.
      await pane.getByRole("progressbar").waitFor({ timeout: 60_000 });
      await pane.getByText(t("pane.preview.computing")).waitFor();
      await pane.getByRole("button", { name: t("pane.apply.cancel") }).click();
      await pane.getByRole("progressbar").waitFor({ state: "detached", timeout: 60_000 });
      // Back to before Preview: no result, no failure bar, the button enabled again.
      assert.equal(await pane.getByRole("alert").count(), 0);
      assert.equal(await pane.getByRole("button", { name: t("pane.apply.button") }).count(), 0);
      assert.equal(await previewButton.isEnabled(), true);
      // The cancelled job ended its worker; the next Preview starts another and completes.
      await previewButton.click();
      await pane
        .getByRole("table", { name: t("pane.preview.caption", { customers: formatNumber(n, "en") }) })
        .waitFor({ timeout: 300_000 });
    } finally {
      await probe.close();
    }
  });
});
