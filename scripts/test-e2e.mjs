// `npm run test:e2e`: builds the add-in for development (unless --no-build), serves dist/ from a small
// static server of its own on 127.0.0.1 (a free port), and runs the browser tests (test/e2e/*.e2e.ts,
// node:test through tsx) against Debian's Chromium driven by playwright-core. Every request the browser
// makes is recorded; any that leaves the machine fails the run.
// Options: --no-build (serve the existing dist/), --dist <dir> (serve that build), --json <file> (writes {"passed": N, "failed": N} for CI), a name filter (--grep <text>),
// --docs-images (after a clean run, copy the best screenshots to docs/images/ for the README).
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function run(command, commandArgs, env = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

let work = null;

function finish(passed, failed, message) {
  if (work) rmSync(work, { recursive: true, force: true });
  if (message) console.error(message);
  const json = option("--json");
  if (json) writeFileSync(json, JSON.stringify({ passed, failed }));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && !message ? 0 : 1);
}

if (!existsSync(chromium)) {
  finish(
    0,
    1,
    `No Chromium at ${chromium}. Install Debian's: sudo apt-get update && sudo apt-get install -y chromium ` +
      "(or set CHROMIUM_PATH to another Chromium binary).",
  );
}

// The tests build into a directory of their own, so a build running beside them cannot change what they serve.
work = mkdtempSync(join(tmpdir(), "cv-e2e-"));
const dist = option("--dist")
  ? resolve(option("--dist"))
  : args.includes("--no-build")
    ? join(root, "dist")
    : join(work, "dist");
if (!args.includes("--no-build") && !option("--dist")) {
  console.log("==> building (webpack --mode development)");
  const code = await run(process.execPath, [
    join(root, "node_modules/webpack/bin/webpack.js"),
    "--mode",
    "development",
    "--output-path",
    dist,
  ]);
  if (code !== 0) finish(0, 1, `The development build failed (exit ${code}).`);
}
for (const file of ["workbench.html", "taskpane.html", "functions.json", "workbench.js", "taskpane.js"]) {
  if (!existsSync(join(dist, file))) finish(0, 1, `${dist}/${file} is missing: build with npm run build:dev first.`);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".ico": "image/x-icon",
};

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
  const file = normalize(join(dist, path.endsWith("/") ? `${path}index.html` : path));
  if (!file.startsWith(dist + sep) || !existsSync(file)) {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  try {
    const body = readFileSync(file);
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
});
await new Promise((resolvePromise) => server.listen(0, "127.0.0.1", resolvePromise));
const baseUrl = `http://127.0.0.1:${server.address().port}/`;
console.log(`==> serving dist/ at ${baseUrl}`);

const requestLog = join(work, "requests.log");
const tap = join(work, "results.tap");
const screenshots = join(root, "screenshots");
mkdirSync(screenshots, { recursive: true });

const files = readdirSync(join(root, "test", "e2e"))
  .filter((name) => name.endsWith(".e2e.ts"))
  .sort()
  .map((name) => join("test", "e2e", name));
const grep = option("--grep");
const code = await run(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=1",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tap}`,
    ...(grep ? ["--test-name-pattern", grep] : []),
    ...files,
  ],
  { E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium, E2E_REQUEST_LOG: requestLog, E2E_SCREENSHOTS: screenshots },
);
server.close();

const report = existsSync(tap) ? readFileSync(tap, "utf8") : "";
const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, "m").exec(report)?.[1] ?? 0);
let passed = count("pass");
let failed = count("fail") + count("cancelled");

// The whole run, every test file: no request may leave localhost.
const requests = existsSync(requestLog) ? readFileSync(requestLog, "utf8").split("\n").filter(Boolean) : [];
const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/|data:|blob:|about:|chrome-error:)/;
const outside = requests.filter((url) => !LOCAL.test(url));
if (requests.length === 0) {
  failed++;
  console.error("No browser request was recorded: the tests did not reach the page.");
} else if (outside.length > 0) {
  failed++;
  console.error(`Requests that left localhost:\n  ${[...new Set(outside)].join("\n  ")}`);
} else {
  passed++;
  console.log(`✔ all ${requests.length} browser requests stayed on localhost`);
}

// --docs-images: after a clean run, refresh the README's screenshots from this run's.
const DOCS_IMAGES = {
  "04-workbench-segmented.png": "workbench-segmented.png",
  "03-pane-preview.png": "pane-preview.png",
  "06-functions-gallery.png": "functions-gallery.png",
  "09-pane-bad-cells.png": "pane-bad-cells.png",
  "05-segments-sheet.png": "segments-sheet.png",
  "08-pane-french.png": "pane-french.png",
  // The user guide's: a CLV Segments sheet, a refresh's Changes sheet, two segmentations side by side, French at 320 px.
  "10-segments-sheet-clv.png": "segments-sheet-clv.png",
  "11-changes-sheet.png": "changes-sheet.png",
  "12-two-segmentations.png": "two-segmentations.png",
  "14-pane-320-list-fr.png": "pane-narrow-french.png",
};
if (args.includes("--docs-images") && failed === 0 && code === 0) {
  const images = join(root, "docs", "images");
  mkdirSync(images, { recursive: true });
  for (const [shot, image] of Object.entries(DOCS_IMAGES)) {
    if (existsSync(join(screenshots, shot))) copyFileSync(join(screenshots, shot), join(images, image));
  }
  console.log(`==> copied ${Object.keys(DOCS_IMAGES).length} screenshots to docs/images/`);
}
finish(passed, code !== 0 && failed === 0 ? failed + 1 : failed);
