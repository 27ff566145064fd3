/**
 * Bounds at Excel's limits (issue 12 item 3): each case of test/support/limits.ts called once through the
 * Excel-faithful invoker, on the main thread, in plain Node, with its wall and CPU time. The times go to
 * BENCHMARKS.md ("Bounds at Excel's limits"), with the load.
 *
 *   npm run bench -- limits                                 # every case, times only
 *   npm run test:limits                                     # every case, and fails on a wrong outcome (CI)
 *   LIMITS=PCLVRANGE node --expose-gc --max-old-space-size=12000 --import tsx bench/limits.bench.ts
 *
 * This is also the audit CI runs (`--check`): each case's cells are checked by checkLimitCase (no NaN, ±Infinity or
 * internal wording; #VALUE! naming the bound beyond it). It runs in Node rather than jest because jest runs
 * Math-heavy code 40-100 times slower (globals inside vm contexts: jestjs/jest#5163), which would time the harness.
 * A synchronous call cannot be interrupted, so the cases run in a child process that the parent watches: a case still
 * running after LIMITS_TIMEOUT seconds of wall time (default 120: a hang detector, not a timing target) is reported
 * KILLED and fails the check; the child is stopped and a new one goes on with the next case.
 */
import "../src/functions/install-shim";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import readline from "node:readline";
import { englishMetadata, functionImplementations } from "../scripts/make-docs";
import { setFunctionsLocale } from "../src/functions/locale";
import { FormulaArgument, invoke } from "../src/workbench/excel-invoker";
import { buildLimitData, Call, checkLimitCase, KNOWN_OPEN, limitCases } from "../test/support/limits";

const CHILD = process.env.LIMITS_CHILD === "1";
const TIMEOUT_S = Number(process.env.LIMITS_TIMEOUT ?? 120);
const CHECK = process.argv.includes("--check");
const jsonAt = process.argv.indexOf("--json");
const JSON_FILE = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;

/** One case's outcome, as the child reports it to the parent. */
interface CaseResult {
  index: number;
  name: string;
  wallMs: number;
  cpuMs: number;
  /** What the first cell showed, or the row count. */
  shown: string;
  /** Why the outcome is wrong (checkLimitCase), a throw, or a kill; null when right. */
  problem: string | null;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
const loadAverage = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

function print(r: CaseResult): void {
  const over = r.cpuMs > 10_000 || r.wallMs > 10_000 ? "OVER 10 s  " : "";
  const outcome = r.problem ? `FAILS: ${r.problem}` : r.shown;
  console.log(
    `${r.name.padEnd(70)} ${seconds(r.wallMs)} s wall ${seconds(r.cpuMs)} s CPU  ${over}${outcome.slice(0, 160)}`,
  );
}

/** Runs the cases from `start` in a child; resolves with the index to go on from, or -1 when all are done. */
function runChild(start: number, results: CaseResult[]): Promise<number> {
  return new Promise((resolve) => {
    const args = process.argv
      .slice(1)
      .filter((arg, i, all) => arg !== "--check" && arg !== "--json" && all[i - 1] !== "--json");
    const child = spawn(process.execPath, [...process.execArgv, ...args], {
      env: { ...process.env, LIMITS_CHILD: "1", LIMITS_START: String(start) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    // Building a case's arguments may fit the tables first (tens of seconds): the timeout counts from the call.
    let current: { index: number; name: string; since: number; calling: boolean } | null = null;
    let stopped: string | null = null;
    const timer = setInterval(() => {
      if (current && performance.now() - current.since > TIMEOUT_S * 1000 * (current.calling ? 1 : 10)) {
        stopped = `did not return within ${TIMEOUT_S} s: KILLED`;
        child.kill("SIGKILL");
      }
    }, 1000);
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      const started = /^(ARGS|START) (\d+) (.*)$/.exec(line);
      if (started) {
        current = {
          index: Number(started[2]),
          name: started[3],
          since: performance.now(),
          calling: started[1] === "START",
        };
      } else if (line.startsWith("RESULT ")) {
        const result = JSON.parse(line.slice("RESULT ".length)) as CaseResult;
        results.push(result);
        print(result);
        current = null;
      } else {
        console.log(line);
      }
    });
    child.on("exit", (code, signal) => {
      clearInterval(timer);
      if (!current) {
        resolve(code === 0 ? -1 : -2);
        return;
      }
      const wallMs = performance.now() - current.since;
      const result: CaseResult = {
        index: current.index,
        name: current.name,
        wallMs,
        cpuMs: Number.NaN,
        shown: "",
        problem: stopped ?? `the process ended (${signal ?? `exit code ${code}`}), out of memory or crashed`,
      };
      results.push(result);
      console.log(`${result.name.padEnd(70)} > ${seconds(wallMs)} s wall  FAILS: ${result.problem}`);
      resolve(current.index + 1);
    });
  });
}

async function parent(): Promise<void> {
  const results: CaseResult[] = [];
  console.log(
    `limits audit: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load ${loadAverage()}`,
  );
  // LIMITS_START=k resumes an audit at case k (0-based, in the order of test/support/limits.ts).
  let start = Number(process.env.LIMITS_START ?? 0);
  for (;;) {
    const next = await runChild(start, results);
    if (next === -2) {
      console.error("the audit's child failed before its first case");
      process.exit(2);
    }
    if (next < 0) break;
    start = next;
  }
  const failed = results.filter((r) => r.problem && !KNOWN_OPEN.has(r.name));
  const open = results.filter((r) => r.problem && KNOWN_OPEN.has(r.name));
  const over = results.filter((r) => !r.problem && (r.wallMs > 10_000 || r.cpuMs > 10_000));
  console.log(
    `\n${results.length} cases: ${results.length - failed.length - open.length} right, ${failed.length} wrong, ` +
      `${open.length} known open (KNOWN_OPEN in test/support/limits.ts); ${over.length} right but over 10 s; load ${loadAverage()}`,
  );
  for (const r of failed) console.log(`  wrong: ${r.name}: ${r.problem}`);
  for (const r of over) console.log(`  over 10 s: ${r.name}: ${seconds(r.wallMs)} s wall, ${seconds(r.cpuMs)} s CPU`);
  if (JSON_FILE)
    writeFileSync(
      JSON_FILE,
      JSON.stringify({ passed: results.length - failed.length - open.length, failed: failed.length }),
    );
  if (CHECK && failed.length > 0) process.exit(1);
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
  const pattern = new RegExp(process.env.LIMITS ?? "");
  const skip = process.env.LIMITS_SKIP ? new RegExp(process.env.LIMITS_SKIP) : null;
  const from = Number(process.env.LIMITS_START ?? 0);
  const started = performance.now();
  const data = buildLimitData(call, console.log);
  console.log(`data built in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${loadAverage()}`);
  const all = limitCases(data);
  for (let index = from; index < all.length; index++) {
    const c = all[index];
    if (!pattern.test(c.name) || skip?.test(c.name)) continue;
    console.log(`ARGS ${index} ${c.name}`);
    const args = c.args();
    console.log(`START ${index} ${c.name}`);
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    let shown = "";
    let problem: string | null;
    try {
      const cells = call(c.fn, ...args);
      problem = checkLimitCase(c, cells);
      const first = cells[0]?.[0];
      shown = first !== null && typeof first === "object" ? `${first.error} ${first.message}` : `${cells.length} rows`;
    } catch (error) {
      problem = `throws ${String(error)}`;
    }
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const result: CaseResult = { index, name: c.name, wallMs, cpuMs: (used.user + used.system) / 1e3, shown, problem };
    console.log(`RESULT ${JSON.stringify(result)}`);
  }
}

void (CHILD ? main() : parent());
