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
 * A synchronous call cannot be interrupted, so the cases run in child processes that the parent watches: a case still
 * running after LIMITS_TIMEOUT seconds of wall time (default 120: a hang detector, not a timing target) is reported
 * KILLED and fails the check; the child is stopped and a new one goes on with the next case. A case marked `alone`
 * (the fits and holdout checks, test/support/limits.ts) runs in a child of its own, which builds only what that case
 * reads; the others share a child, which drops every million-row column a case does not pass before calling it. The
 * tables a child fits are handed to the next children, so each is fitted once.
 */
import "../src/functions/install-shim";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import readline from "node:readline";
import { englishMetadata, functionImplementations } from "../scripts/make-docs";
import { setFunctionsLocale } from "../src/functions/locale";
import { FormulaArgument, InputCell, invoke } from "../src/workbench/excel-invoker";
import { buildLimitData, Call, checkLimitCase, KNOWN_OPEN, LimitCase, limitCases } from "../test/support/limits";

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

type Tables = Record<string, InputCell[][]>;

/**
 * Runs the cases `indices` in a child; resolves with those left after a case that did not return (the next child's),
 * [] when all are done, or null when the child failed before any case.
 */
function runChild(indices: readonly number[], results: CaseResult[], tables: Tables): Promise<number[] | null> {
  return new Promise((resolve) => {
    const args = process.argv
      .slice(1)
      .filter((arg, i, all) => arg !== "--check" && arg !== "--json" && all[i - 1] !== "--json");
    const child = spawn(process.execPath, [...process.execArgv, ...args], {
      env: {
        ...process.env,
        LIMITS_CHILD: "1",
        LIMITS_CASES: indices.join(","),
        LIMITS_TABLES: JSON.stringify(tables),
      },
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
      const table = /^TABLE (\S+) (.*)$/.exec(line);
      if (started) {
        current = {
          index: Number(started[2]),
          name: started[3],
          since: performance.now(),
          calling: started[1] === "START",
        };
      } else if (table) {
        tables[table[1]] = JSON.parse(table[2]) as InputCell[][];
      } else if (line.startsWith("RESULT ")) {
        const result = JSON.parse(line.slice("RESULT ".length)) as CaseResult;
        results.push(result);
        print(result);
        current = null;
      } else {
        console.log(line);
      }
    });
    // "close", not "exit": the child's last lines may still be in the pipe when it exits.
    child.on("close", (code, signal) => {
      clearInterval(timer);
      if (!current) {
        resolve(code === 0 ? [] : null);
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
      resolve(indices.slice(indices.indexOf(current.index) + 1));
    });
  });
}

/** The cases to run, by index: LIMITS filters them by name, LIMITS_SKIP leaves some out, LIMITS_START resumes at one. */
function selectedCases(all: readonly LimitCase[]): number[] {
  const pattern = new RegExp(process.env.LIMITS ?? "");
  const skip = process.env.LIMITS_SKIP ? new RegExp(process.env.LIMITS_SKIP) : null;
  // LIMITS_START=k resumes an audit at case k (0-based, in the order of test/support/limits.ts).
  const from = Number(process.env.LIMITS_START ?? 0);
  return all.flatMap((c, index) => (index >= from && pattern.test(c.name) && !skip?.test(c.name) ? [index] : []));
}

async function parent(): Promise<void> {
  const began = performance.now();
  const results: CaseResult[] = [];
  const tables: Tables = {};
  // The parent builds no data: it needs the cases' names, and which run alone.
  const all = limitCases(
    buildLimitData(() => {
      throw new Error("the audit's parent calls no function");
    }),
  );
  // Consecutive cases that are not alone share a child; each alone case has one of its own.
  const children: number[][] = [];
  for (const index of selectedCases(all)) {
    const last = children.at(-1);
    if (!last || all[index].alone || all[last[0]].alone) children.push([index]);
    else last.push(index);
  }
  console.log(
    `limits audit: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ` +
      `load ${loadAverage()}; ${children.flat().length} cases in ${children.length} child processes`,
  );
  for (const run of children) {
    for (let rest: number[] | null = run; rest.length > 0;) {
      rest = await runChild(rest, results, tables);
      if (!rest) {
        console.error("an audit child failed before its first case");
        process.exit(2);
      }
    }
  }
  const failed = results.filter((r) => r.problem && !KNOWN_OPEN.has(r.name));
  const open = results.filter((r) => r.problem && KNOWN_OPEN.has(r.name));
  const over = results.filter((r) => !r.problem && (r.wallMs > 10_000 || r.cpuMs > 10_000));
  console.log(
    `\n${results.length} cases: ${results.length - failed.length - open.length} right, ${failed.length} wrong, ` +
      `${open.length} known open (KNOWN_OPEN in test/support/limits.ts); ${over.length} right but over 10 s; ` +
      `${((performance.now() - began) / 1000).toFixed(0)} s in all; load ${loadAverage()}`,
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

/** A child: runs the cases LIMITS_CASES lists, each reported to the parent on stdout (ARGS, START, RESULT). */
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
  const data = buildLimitData(call, {
    log: console.log,
    tables: JSON.parse(process.env.LIMITS_TABLES ?? "{}") as Tables,
    fitted: (name, table) => console.log(`TABLE ${name} ${JSON.stringify(table)}`),
  });
  const all = limitCases(data);
  for (const index of (process.env.LIMITS_CASES ?? "").split(",").filter(Boolean).map(Number)) {
    const c = all[index];
    console.log(`ARGS ${index} ${c.name}`);
    const args = data.argumentsOf(c);
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
