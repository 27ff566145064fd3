/**
 * The million-customer fits of the limits audit with the heap the whole audit gave them until each ran alone (issue 12):
 * the five columns of the audit's base histories and the three of its 1,048,575-row transaction log are alive, so
 * every full collection inside the call marks them (an Excel runtime would hold the call's arguments only). Prints each
 * call's wall and CPU time, the time V8 reports in garbage collections (and how many were mark-compacts), and the
 * fitted parameters and log-likelihood to full precision, so that a change can be shown to keep the optimum.
 *
 *   node --expose-gc --max-old-space-size=12000 --import tsx bench/fits-heap.bench.ts          # the owned cases
 *   FITS="pnbd, 1,048,576 continuous" node --expose-gc --max-old-space-size=12000 --import tsx bench/fits-heap.bench.ts
 *   FITS_LOG=0 ...                                                                           # without the log
 *   FITS_ALONE=1 ...                              # with the call's arguments only, as the audit now runs a fit
 *   FITS_PROFILE=/tmp/prof ...                              # a CPU profile of each call (.cpuprofile, for DevTools)
 */
import "../src/functions/install-shim";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import os from "node:os";
import { constants, performance, PerformanceObserver } from "node:perf_hooks";
import { englishMetadata, functionImplementations } from "../scripts/make-docs";
import { setFunctionsLocale } from "../src/functions/locale";
import { FormulaArgument, invoke } from "../src/workbench/excel-invoker";
import { buildLimitData, Call, limitCases } from "../test/support/limits";

const OWNED = /^FIT (pnbd|ggomnbd|bgnbd|mbgnbd|nbd), 1,048,576 (continuous|customers, 256)/;

async function main(): Promise<void> {
  const json = await englishMetadata();
  const implementations = functionImplementations();
  const metadata = new Map(json.functions.map((fn) => [fn.id, fn]));
  const call: Call = (id: string, ...args: FormulaArgument[]) => {
    const fn = implementations.get(id);
    const info = metadata.get(id);
    if (!fn || !info) throw new Error(`No custom function ${id}`);
    setFunctionsLocale("en");
    return invoke(fn, info, args, { allowErrors: json.allowErrorForDataTypeAny === true }).cells;
  };
  const load = () =>
    os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" ");
  console.log(`fits with the audit's heap: Node ${process.version}, load ${load()}`);
  const data = buildLimitData(call);
  // Read here and never dropped (the data drop columns only in argumentsOf, which this bench does not use).
  const held = process.env.FITS_ALONE === "1" ? [] : [data.x, data.tx, data.T, data.holdout, data.monetary];
  if (process.env.FITS_LOG !== "0" && process.env.FITS_ALONE !== "1") {
    held.push(data.logIds, data.logDates, data.logAmounts);
  }
  const pattern = process.env.FITS ? new RegExp(process.env.FITS) : OWNED;
  let gcMs = 0;
  let gcCount = 0;
  let majors = 0;
  let majorMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcCount++;
      if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        majors++;
        majorMs += entry.duration;
      }
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  const repeat = Number(process.env.FITS_REPEAT ?? 1);
  const profileDir = process.env.FITS_PROFILE;
  const session = new Session();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  if (profileDir) {
    session.connect();
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: 500 });
  }
  let profiled = 0;
  for (const c of limitCases(data)) {
    if (!pattern.test(c.name)) continue;
    for (let k = 0; k < repeat; k++) {
      const args = c.args();
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((resolve) => setTimeout(resolve, 10));
      gcMs = 0;
      gcCount = 0;
      majors = 0;
      majorMs = 0;
      // With --trace-gc, the collections between these two lines are the call's.
      if (process.env.FITS_MARK) console.log(`calling ${c.name}`);
      if (profileDir) await post("Profiler.start");
      const cpu = process.cpuUsage();
      const start = performance.now();
      const cells = call(c.fn, ...args);
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      if (process.env.FITS_MARK) console.log(`returned ${c.name}`);
      if (profileDir) {
        const { profile } = (await post("Profiler.stop")) as { profile: object };
        writeFileSync(`${profileDir}/fit-${++profiled}.cpuprofile`, JSON.stringify(profile));
      }
      // The observer reports after the call returns.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const table = cells
        .filter((row) => typeof row[0] === "string" && typeof row[1] === "number")
        .map((row) => `${row[0]}=${(row[1] as number).toPrecision(17)}`)
        .join(" ");
      console.log(
        `${c.name.padEnd(60)} ${(wall / 1000).toFixed(2)} s wall ${((used.user + used.system) / 1e6).toFixed(2)} s CPU ` +
          `gc ${(gcMs / 1000).toFixed(2)} s (${gcCount}; ${majors} full, ${(majorMs / 1000).toFixed(2)} s)  load ${load()}`,
      );
      console.log(`  ${table}`);
    }
  }
  observer.disconnect();
}

void main();
