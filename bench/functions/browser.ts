/**
 * The function suite in a browser page: scripts/bench-browser.mjs bundles this file, loads it in headless Chromium
 * and reads the lines it logs. `window.__bench` says which tasks to run; the results go back on `window.__results`.
 */
import { markdownRows, runFunctionSuite } from "./suite";

interface BenchWindow {
  __bench?: { only?: string };
  __results?: { lines: string[]; markdown: string[]; error?: string };
}

const host = globalThis as unknown as BenchWindow;
const lines: string[] = [];
try {
  const results = runFunctionSuite({
    only: host.__bench?.only,
    log: (line) => {
      lines.push(line);
      console.log(line);
    },
  });
  host.__results = {
    lines,
    markdown: markdownRows(`Chromium ${navigator.userAgent.match(/Chrom\w*\/([\d.]+)/)?.[1] ?? ""}`, results),
  };
} catch (error) {
  host.__results = {
    lines,
    markdown: [],
    error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error),
  };
}
