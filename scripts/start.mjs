// `npm start`: where Excel desktop is installed (Windows, macOS) sideload the add-in as
// office-addin-debugging does; anywhere else (Linux, CI, no Excel) build and serve the workbench over
// http on localhost and print its address. Never prompts; exits non-zero when the server does not start.
// Force a mode with CV_START=sideload|workbench; choose the port with PORT (default 3000, or the next free one).
import { spawn } from "node:child_process";
import { existsSync, writeFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { STATE_FILE } from "./dev-server-state.mjs";

const STARTUP_TIMEOUT_MS = 5 * 60 * 1000;

function excelDesktopInstalled() {
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    return roots.some((root) =>
      ["root\\Office16\\EXCEL.EXE", "Office16\\EXCEL.EXE"].some((file) => existsSync(join(root, "Microsoft Office", file)))
    );
  }
  return false;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(start) {
  for (let port = start; port < start + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port between ${start} and ${start + 49}`);
}

async function waitForPage(url, child) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

function run(command, args, env = {}) {
  return spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env }, shell: process.platform === "win32" });
}

async function sideload() {
  console.log("Excel desktop found: sideloading the add-in (office-addin-debugging start).");
  const child = run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"], {
    CV_DEV_HTTPS: "1",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
}

async function workbench() {
  const port = await freePort(Number(process.env.PORT || 3000));
  const url = `http://localhost:${port}/workbench.html`;
  console.log(
    process.env.CV_START === "workbench"
      ? "Serving the workbench (CV_START=workbench)."
      : `No Excel desktop on this machine (${process.platform}): serving the workbench, the real task pane and functions against an in-memory workbook.`
  );
  const child = spawn(process.execPath, ["node_modules/webpack/bin/webpack.js", "serve", "--mode", "development", "--port", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, CV_DEV_HTTPS: "0" },
  });
  writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, port }));
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code, signal) => {
    rmSync(STATE_FILE, { force: true });
    process.exit(signal === "SIGTERM" || signal === "SIGINT" ? 0 : (code ?? 1));
  });
  if (!(await waitForPage(url, child))) {
    console.error(`The dev server did not start (nothing answered at ${url}).`);
    stop();
    process.exit(1);
  }
  console.log(`\n  Customer Value workbench:  ${url}`);
  console.log(`  Task pane page:            http://localhost:${port}/taskpane.html`);
  console.log(`  Function metadata:         http://localhost:${port}/functions.json`);
  console.log(`\n  To use the add-in in Excel itself, see "Sideload in Excel" in README.md. Stop with Ctrl-C or npm stop.\n`);
}

const mode = process.env.CV_START ?? (excelDesktopInstalled() ? "sideload" : "workbench");
if (mode === "sideload") await sideload();
else if (mode === "workbench") await workbench();
else {
  console.error(`CV_START must be "sideload" or "workbench", not "${mode}"`);
  process.exit(2);
}
