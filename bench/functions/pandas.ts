/**
 * CUST.SUMMARY beside a pandas groupby of the same log (target: at least 5× faster). Node only: it writes the
 * bench's continuous-time log to a temporary CSV and times bench/functions/pandas_summary.py on it. Without a
 * python3 that has pandas it says so and compares nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulateLog } from "./data";

const PYTHONS = ["/usr/bin/python3", "python3"];

export function findPandasPython(): string | null {
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ["-c", "import pandas"], { stdio: "ignore" });
    if (probe.status === 0) return python;
  }
  return null;
}

/** The log the suite's CUST.SUMMARY task uses (same generator, seed and size). */
export function timePandas(python: string): { medianMs: number; bestMs: number; pandas: string } {
  const log = simulateLog(1_048_575, 100_000, "continuous", 41);
  const dir = mkdtempSync(join(tmpdir(), "cv-pandas-"));
  try {
    const lines = ["id,date,amount"];
    for (let i = 0; i < log.ids.length; i++) lines.push(`${log.ids[i]},${log.dates[i]},${log.amounts[i]}`);
    const file = join(dir, "log.csv");
    writeFileSync(file, lines.join("\n"));
    const run = spawnSync(python, [join(import.meta.dirname, "pandas_summary.py"), file], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`pandas bench failed: ${run.stderr}`);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function comparePandas(summaryMs: number | undefined, log: (line: string) => void): void {
  const python = findPandasPython();
  if (!python) {
    log("pandas: not available here (python3 without pandas; Debian: apt-get install python3-pandas): no comparison");
    return;
  }
  const result = timePandas(python);
  const line = `pandas ${result.pandas} groupby of the same 1,048,575-row log [continuous]`;
  if (summaryMs === undefined) {
    log(`${line.padEnd(64)} median ${result.medianMs.toFixed(1)} ms`);
    return;
  }
  const speedup = result.medianMs / summaryMs;
  log(
    `${line.padEnd(64)} median ${result.medianMs.toFixed(1)} ms; CUST.SUMMARY ${summaryMs.toFixed(1)} ms: ` +
      `${speedup.toFixed(2)}× faster, target ≥ 5× ${speedup >= 5 ? "(met)" : "(MISSED)"}`,
  );
}
