/**
 * The custom functions' worker in a real browser (the development build's functions-probe.html, which loads the
 * functions as the pane page does): a large call returns a Promise whose answer is exactly the page thread's, errors
 * with their codes and messages in English and French, and the page's thread stays free while a fit runs.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { BASE_URL, BrowserSession, launch } from "./harness";

interface Compared {
  workerWasPromise: boolean;
  mainWasPromise: boolean;
  worker: string;
  main: string;
}
interface Timed {
  cells: number;
  mainMs: number;
  workerMs: number;
  handOverMs: number;
  longestTaskMs: number;
}
type Probe = {
  compare(call: string, n: number, locale: string): Promise<Compared>;
  time(call: string, n: number, runs?: number): Promise<Timed>;
};

let session: BrowserSession;
let page: Page;

before(async () => {
  session = await launch();
  page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(`${BASE_URL}functions-probe.html`);
  await page.waitForFunction(() => "functionsProbe" in window);
});

after(async () => {
  await session?.close();
});

const compare = (call: string, n: number, locale: string) =>
  page.evaluate(
    ([c, size, l]) =>
      (window as unknown as { functionsProbe: Probe }).functionsProbe.compare(c as string, size as number, l as string),
    [call, n, locale] as const,
  );

describe("custom functions in a worker", () => {
  for (const [call, n] of [
    ["fit-bgnbd", 20_000],
    ["palive", 30_000],
    ["pclv", 20_000],
  ] as const) {
    it(`${call} on ${n.toLocaleString("en")} customers: the worker's answer is the page thread's`, async () => {
      const result = await compare(call, n, "en");
      assert.equal(result.workerWasPromise, true, "a call this large goes to the worker");
      assert.equal(result.mainWasPromise, false);
      assert.ok(result.main.startsWith("value [["), result.main.slice(0, 200));
      assert.equal(result.worker, result.main);
    });
  }

  for (const locale of ["en", "fr"]) {
    it(`errors come back with their code and message (${locale})`, async () => {
      const cells = await compare("error-cells", 30_000, locale);
      assert.match(cells.main, /"code":"#VALUE!","message":"[^"]{10,}/);
      assert.equal(cells.worker, cells.main);
      const thrown = await compare("thrown", 30_000, locale);
      assert.match(thrown.main, /^thrown \{"code":"#VALUE!","message":"[^"]{10,}/);
      assert.equal(thrown.worker, thrown.main);
      if (locale === "fr") assert.doesNotMatch(thrown.main, / the /);
    });
  }

  it("keeps the page's thread free while a Pareto/NBD fit on 30,000 customers runs", { timeout: 300_000 }, async () => {
    const timed = await page.evaluate(() =>
      (window as unknown as { functionsProbe: Probe }).functionsProbe.time("fit-pnbd", 30_000, 1),
    );
    console.log(
      `CUST.FIT pnbd, 30,000 customers: page thread alone ${timed.mainMs.toFixed(0)} ms; through the worker ` +
        `${timed.workerMs.toFixed(0)} ms, of which ${timed.handOverMs.toFixed(1)} ms handing over; longest task ` +
        `${timed.longestTaskMs.toFixed(0)} ms`,
    );
    assert.ok(timed.longestTaskMs < Math.max(100, timed.mainMs / 4), JSON.stringify(timed));
  });

  it("measures the threshold (reported, not asserted): each call's cost both ways", { timeout: 600_000 }, async () => {
    if (!process.env.E2E_OFFLOAD_TABLE) return;
    for (const call of ["palive", "pclv", "fit-bgnbd", "fit-pnbd"]) {
      for (const n of call.startsWith("fit") ? [1_000, 3_000, 7_000, 20_000] : [1_000, 3_000, 7_000, 20_000, 100_000]) {
        const timed = await page.evaluate(
          ([c, size]) =>
            (window as unknown as { functionsProbe: Probe }).functionsProbe.time(c as string, size as number),
          [call, n] as const,
        );
        console.log(
          `| ${call} | ${n} | ${timed.cells} | ${timed.mainMs.toFixed(1)} | ${timed.workerMs.toFixed(1)} | ` +
            `${timed.handOverMs.toFixed(2)} | ${timed.longestTaskMs.toFixed(0)} |`,
        );
      }
    }
  });
});
