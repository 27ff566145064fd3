/**
 * Shared set-up for the browser tests: Debian's Chromium through playwright-core with a fresh profile,
 * every request recorded (and any that would leave the machine blocked and reported), screenshots, and
 * the axe-core accessibility scan. scripts/test-e2e.mjs serves dist/ and sets E2E_BASE_URL.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserContext, chromium, Frame, Page, Response } from "playwright-core";
import type { CellValue } from "../../src/engine/sheet-data";

export const BASE_URL = process.env.E2E_BASE_URL ?? "";
if (!BASE_URL) throw new Error("E2E_BASE_URL is not set: run the browser tests with npm run test:e2e");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(process.cwd(), "screenshots");
const REQUEST_LOG = process.env.E2E_REQUEST_LOG;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/|data:|blob:|about:|chrome-error:)/;

export function isLocalUrl(url: string): boolean {
  return LOCAL.test(url);
}

export interface BrowserSession {
  context: BrowserContext;
  /** Every URL the browser asked for, in order. */
  requests: string[];
  /** Console errors and uncaught page errors, for diagnosis in failure messages. */
  errors: string[];
  close(): Promise<void>;
}

export async function launch(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), "cv-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: "en-US",
    serviceWorkers: "block",
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => {
    requests.push(request.url());
    if (REQUEST_LOG) appendFileSync(REQUEST_LOG, `${request.url()}\n`);
  });
  // Nothing may leave the machine: a request elsewhere is recorded above, then refused here.
  await context.route("**/*", (route) =>
    isLocalUrl(route.request().url()) ? route.continue() : route.abort("blockedbyclient"),
  );
  context.on("page", (page) => {
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
  });
  return {
    context,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the workbench with the given settings (?dataset=…&theme=…&lang=…). */
export async function openWorkbench(session: BrowserSession, query = ""): Promise<Page> {
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(`${BASE_URL}workbench.html${query}`);
  await page.locator("table[data-sheet]").waitFor();
  return page;
}

/** The task pane's frame, once its React root has rendered something. */
export async function paneFrame(page: Page): Promise<Frame> {
  // For the failure message: what the page could not load or threw while the pane was starting.
  const problems: string[] = [];
  const onResponse = (response: Response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  };
  const onError = (error: Error) => problems.push(`page error: ${error.message}`);
  page.on("response", onResponse);
  page.on("pageerror", onError);
  try {
    return await waitForPane(page);
  } catch (error) {
    const detail = problems.length > 0 ? `\n${problems.join("\n")}` : "";
    throw new Error(`${(error as Error).message}${detail}`);
  } finally {
    page.off("response", onResponse);
    page.off("pageerror", onError);
  }
}

async function waitForPane(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[data-testid="pane"]');
  let frame = await handle.contentFrame();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    frame = await handle.contentFrame();
    if (frame && frame.url().includes("taskpane.html")) {
      try {
        await frame.waitForSelector("#container > *", { timeout: 1000 });
        return frame;
      } catch {
        // the iframe is still loading (or was reloaded); look again
      }
    }
    await page.waitForTimeout(100);
  }
  const last = await handle.contentFrame();
  throw new Error(`The task pane did not render within 30 s (its frame is at ${last?.url() ?? "nothing"})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

const axeSource = readFileSync(createRequire(__filename).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (injected from node_modules, never fetched) in a frame; returns serious and critical violations. */
export async function seriousViolations(frame: Frame, options: { skipFrames?: boolean } = {}): Promise<AxeViolation[]> {
  // Colour contrast is measured on what is painted: no hover state, no fade-in half done.
  await frame.page().mouse.move(0, 0);
  await frame
    .waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"), null, {
      timeout: 5000,
    })
    .catch(() => undefined);
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await frame.addScriptTag({ content: axeSource });
  const violations = await frame.evaluate(async (skipFrames) => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<unknown> } }).axe;
    // Fluent's Tabster puts invisible focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) around
    // roving-focus groups such as TabList; they hand focus on at once and are not content, so they are left out.
    // The workbench scan also leaves the pane's frame to the pane's own scans.
    const exclude = [["[data-tabster-dummy]"], ...(skipFrames ? [["iframe"]] : [])];
    const context = { exclude };
    const result = (await axe.run(context, { resultTypes: ["violations"], iframes: !skipFrames })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
    };
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => `${node.target.join(" ")} ${node.html.slice(0, 160)}`),
    }));
  }, options.skipFrames ?? false);
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.slice(0, 3).join(", ")})`).join("\n");
}

/** The values of one of the workbench's sheets, as the in-memory workbook holds them. */
export function sheetValues(page: Page, sheet: string): Promise<CellValue[][]> {
  return page.evaluate((name) => {
    const host = window as unknown as {
      customerValueWorkbench: { workbook: { sheetValues(sheet: string): CellValue[][] } };
    };
    return host.customerValueWorkbench.workbook.sheetValues(name);
  }, sheet);
}

/** The names of the workbench's sheets, in order. */
export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = window as unknown as { customerValueWorkbench: { workbook: { sheetNames(): string[] } } };
    return host.customerValueWorkbench.workbook.sheetNames();
  });
}
