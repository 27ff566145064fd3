/**
 * Bounds at Excel's limits (issue 12 item 3): each case of test/support/limits.ts called once through the
 * Excel-faithful invoker, on the main thread, with its wall and CPU time. The cases' outcomes are checked by
 * test/functions/limits.slow.test.ts; the times go to BENCHMARKS.md ("Bounds at Excel's limits"), with the load.
 *
 *   npm run bench -- limits                                 # every case
 *   LIMITS=PCLVRANGE node --expose-gc --max-old-space-size=8192 --import tsx bench/limits.bench.ts
 *
 * A synchronous call cannot be interrupted, so the cases run in a child process that the parent watches: a case
 * still running after LIMITS_TIMEOUT seconds of wall time (default 120) is reported "KILLED", the child is stopped and
 * a new one goes on with the next case (each child builds the data again, about 20 s).
 */
import "../src/functions/install-shim";
import os from "node:os";
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import readline from "node:readline";
import { englishMetadata, functionImplementations } from "../scripts/make-docs";
import { setFunctionsLocale } from "../src/functions/locale";
import { FormulaArgument, invoke } from "../src/workbench/excel-invoker";
import { buildLimitData, Call, checkLimitCase, limitCases } from "../test/support/limits";

const CHILD = process.env.LIMITS_CHILD === "1";
const TIMEOUT_S = Number(process.env.LIMITS_TIMEOUT ?? 120);

/** Runs the cases from `start` in a child; resolves with the index of the case it was killed on, or -1 when done. */
function runChild(start: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, LIMITS_CHILD: "1", LIMITS_START: String(start) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let current = -1;
    let currentName = "";
    let since = 0;
    let killed = -1;
    const timer = setInterval(() => {
      if (current >= 0 && performance.now() - since > TIMEOUT_S * 1000) {
        killed = current;
        console.log(`${currentName.padEnd(70)} > ${TIMEOUT_S} s wall: KILLED (did not return)`);
        child.kill("SIGKILL");
      }
    }, 1000);
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      const started = /^START (\d+) (.*)$/.exec(line);
      if (started) {
        current = Number(started[1]);
        currentName = started[2];
        since = performance.now();
        return;
      }
      if (/^DONE \d+$/.test(line)) {
        current = -1;
        return;
      }
      console.log(line);
    });
    child.on("exit", () => {
      clearInterval(timer);
      resolve(killed);
    });
  });
}

async function parent(): Promise<void> {
  let start = 0;
  for (;;) {
    const killed = await runChild(start);
    if (killed < 0) return;
    start = killed + 1;
  }
}

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
  const only = process.env.LIMITS ?? "";
  const started = performance.now();
  const data = buildLimitData(call, console.log);
  console.log(
    `data built in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" ")}`,
  );
  const pattern = new RegExp(only);
  const skip = process.env.LIMITS_SKIP ? new RegExp(process.env.LIMITS_SKIP) : null;
  const from = Number(process.env.LIMITS_START ?? 0);
  const all = limitCases(data);
  for (let index = from; index < all.length; index++) {
    const c = all[index];
    if (!pattern.test(c.name) || skip?.test(c.name)) continue;
    console.log(`START ${index} ${c.name}`);
    const args = c.args();
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    let outcome: string;
    try {
      const cells = call(c.fn, ...args);
      const problem = checkLimitCase(c, cells);
      const first = cells[0]?.[0];
      const shown =
        first !== null && typeof first === "object" ? `${first.error} ${first.message}` : `${cells.length} rows`;
      outcome = problem ? `FAILS: ${problem}` : shown;
    } catch (error) {
      outcome = `THROWS: ${String(error)}`;
    }
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    console.log(
      `${c.name.padEnd(70)} ${(wall / 1000).toFixed(2).padStart(7)} s wall ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} s CPU  ${(used.user + used.system) / 1e3 > 10_000 ? "OVER 10 s CPU  " : ""}${outcome.slice(0, 160)}`,
    );
    console.log(`DONE ${index}`);
  }
  console.log(
    `load ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" ")}`,
  );
}

void (CHILD ? main() : parent());
