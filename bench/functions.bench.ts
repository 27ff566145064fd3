/**
 * The custom functions through their entry points, in Node (`npm run bench -- functions`); the same suite runs in
 * headless Chromium with `npm run bench:browser`. Pass a name filter as the first argument (e.g. PCLV), and
 * --markdown to print the BENCHMARKS.md rows at the end. CUST.SUMMARY is also compared with a pandas groupby of the
 * same log when python3 has pandas (Debian: apt-get install python3-pandas).
 */
import { markdownRows, runFunctionSuite } from "./functions/suite";
import { comparePandas } from "./functions/pandas";

const args = process.argv.slice(2);
const only = args.find((arg) => !arg.startsWith("--"));
const results = runFunctionSuite({ only, log: (line) => console.log(line) });
const summaryResult = results.find((r) => r.name.startsWith("CUST.SUMMARY") && r.data === "continuous");
if (!only || "cust.summary pandas".includes(only.toLowerCase()))
  comparePandas(summaryResult?.task.medianMs, console.log);
if (args.includes("--markdown")) console.log(["", ...markdownRows(`Node ${process.version}`, results)].join("\n"));
