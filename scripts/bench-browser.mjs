// `npm run bench:browser [-- name-filter] [--markdown]`: the function benchmarks (bench/functions/suite.ts) in
// headless Chromium, the engine of Excel's WebView2 and of Excel on the web. Bundles bench/functions/browser.ts
// with esbuild, opens it in Debian's Chromium (playwright-core; CHROMIUM_PATH overrides /usr/bin/chromium) from a
// local file with the network refused, and prints each task's line as it finishes. Node's figures come from
// `npm run bench -- functions`; both print each task's ratio to its floor, measured in the same run.
import { build } from "esbuild";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const only = args.find((arg) => !arg.startsWith("--"));
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "cv-bench-browser-"));
try {
  await build({
    entryPoints: [join(root, "bench/functions/browser.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    outfile: join(work, "bench.js"),
    logLevel: "warning",
  });
  writeFileSync(join(work, "index.html"), `<!doctype html><meta charset="utf-8"><title>bench</title>`);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // --expose-gc: a collection before each timed run, as in Node; the page gets 8 GiB of heap like the Node bench.
    args: ["--no-sandbox", "--disable-gpu", "--js-flags=--expose-gc --max-old-space-size=8192", "--disable-dev-shm-usage"],
  });
  const version = browser.version();
  const page = await browser.newPage();
  await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  page.on("console", (message) => {
    if (message.type() === "log") console.log(message.text());
  });
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  console.log(`engine: Chromium ${version} (headless), bundle by esbuild`);
  await page.goto(pathToFileURL(join(work, "index.html")).href);
  await page.evaluate((filter) => {
    window.__bench = { only: filter };
  }, only);
  page.setDefaultTimeout(0);
  await page.addScriptTag({ path: join(work, "bench.js") });
  const results = await page.evaluate(() => window.__results);
  await browser.close();
  if (!results || results.error) {
    console.error(`the browser bench failed: ${results?.error ?? "no result"}`);
    process.exitCode = 1;
  } else if (args.includes("--markdown")) {
    console.log(["", ...results.markdown].join("\n"));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
