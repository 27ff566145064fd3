/**
 * The pane at its real width in Excel (320 px), in English and in French: every step is walked (Table, Columns,
 * Method for each method, Preview, Apply and its result, the replace-or-add choice, the segmentations list on a
 * sheet of ours) and at each one no text may overflow its box (a label, a cell, a button), overlap another text,
 * or push the pane into a sideways scroll.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Frame, Page } from "playwright-core";
import { Locale, t } from "../../src/i18n/all";
import { BrowserSession, launch, openWorkbench, paneFrame, screenshot } from "./harness";

/** The narrowest task pane Excel shows (Windows and the web open it at about 320–350 px). */
const PANE_WIDTH = 320;

let session: BrowserSession;

before(async () => {
  session = await launch();
});

after(async () => {
  await session?.close();
});

/**
 * What does not fit, as readable lines: runs in the pane's frame. A box is a button, a label, a table cell, a
 * heading, a message or a select; its text must stay inside it, no two texts may cover each other, and the page
 * must not be wider than the pane. Text clipped inside a scrolling container is allowed (it can be scrolled to).
 */
function findOverflow(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    // Name the innermost elements that stick out, so the message says what to fix.
    const out = [...document.body.querySelectorAll("*")].filter(
      (element) => element.getBoundingClientRect().right > root.clientWidth + 1,
    );
    const innermost = out.filter((element) => !out.some((other) => other !== element && element.contains(other)));
    const named = innermost.slice(0, 5).map((element) => {
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      return `<${element.tagName.toLowerCase()} class="${element.className}"> “${text}”`;
    });
    problems.push(
      `the pane scrolls sideways: content ${root.scrollWidth} px wide in ${root.clientWidth} px (${named.join("; ")})`,
    );
  }
  const describe = (element: Element) => {
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
    return `<${element.tagName.toLowerCase()}> “${text}”`;
  };
  const visible = (rect: DOMRect) => rect.width > 0.5 && rect.height > 0.5;
  /** Inside a visually hidden box (the screen-reader tables of the charts): clipped to nothing, never seen. */
  const clippedAway = (element: Element) => {
    for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      const box = node.getBoundingClientRect();
      if (style.clip !== "auto" && style.position === "absolute") return true;
      if (style.overflow === "hidden" && (box.width <= 1 || box.height <= 1)) return true;
    }
    return false;
  };
  /** Inside a container that scrolls sideways (its hidden part can be scrolled to, so it is not lost). */
  const inScroller = (element: Element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if ((style.overflowX === "auto" || style.overflowX === "scroll") && node.scrollWidth > node.clientWidth) {
        return true;
      }
    }
    return false;
  };

  const boxes = document.querySelectorAll(
    "button, label, td, th, h1, h2, h3, select, [role=radio], [role=checkbox], .fui-MessageBarBody, .fui-MessageBarTitle, .fui-Field__validationMessage, .fui-Text, li",
  );
  for (const element of boxes) {
    const style = getComputedStyle(element);
    if (style.display === "inline" || style.visibility === "hidden" || element.clientWidth === 0) continue;
    if (clippedAway(element)) continue;
    const box = element.getBoundingClientRect();
    if (!visible(box)) continue;
    if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== "auto") {
      problems.push(`${describe(element)} overflows its box: ${element.scrollWidth} px in ${element.clientWidth} px`);
      continue;
    }
    if (element instanceof HTMLSelectElement) {
      // A select shows its chosen option's text, clipped without a sign when it does not fit.
      const canvas = document.createElement("canvas").getContext("2d");
      const option = element.selectedOptions[0]?.textContent ?? "";
      if (canvas) {
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const needed = canvas.measureText(option).width;
        if (needed > room + 1)
          problems.push(
            `${describe(element)} shows “${option}” clipped: ${Math.ceil(needed)} px in ${Math.floor(room)} px`,
          );
      }
    }
    if (inScroller(element)) continue;
    // Its own text, line by line, inside its box.
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(node.textContent ?? "").trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (!visible(rect)) continue;
        if (rect.right > box.right + 1 || rect.left < box.left - 1) {
          problems.push(
            `${describe(element)}: text “${(node.textContent ?? "").trim().slice(0, 40)}” runs out of its box`,
          );
          break;
        }
      }
    }
  }

  // No two texts on top of each other.
  const texts: { rect: DOMRect; node: Node }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !(node.textContent ?? "").trim()) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === "hidden" || parent.closest("[aria-hidden=true]") || inScroller(parent)) continue;
    if (clippedAway(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) if (visible(rect)) texts.push({ rect, node });
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].rect;
      const b = texts[j].rect;
      if (texts[i].node === texts[j].node) continue;
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width > 2 && height > 2) {
        problems.push(
          `“${(texts[i].node.textContent ?? "").trim().slice(0, 40)}” overlaps “${(texts[j].node.textContent ?? "").trim().slice(0, 40)}”`,
        );
      }
    }
  }
  return [...new Set(problems)];
}

async function expectFits(pane: Frame, locale: Locale, step: string): Promise<void> {
  // Let Fluent's transitions end, so boxes are measured where they settle.
  await pane
    .waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"), null, {
      timeout: 5000,
    })
    .catch(() => undefined);
  // tsx keeps function names with a __name(...) helper that the page does not have: give it one.
  await pane.evaluate(() => {
    (window as unknown as { __name?: (fn: unknown) => unknown }).__name ??= (fn: unknown) => fn;
  });
  const problems = await pane.evaluate(findOverflow);
  assert.deepEqual(problems, [], `${locale}, ${step}: what does not fit at ${PANE_WIDTH} px`);
}

async function openNarrow(locale: Locale): Promise<{ page: Page; pane: Frame }> {
  const page = await openWorkbench(session, `?dataset=transactions${locale === "fr" ? "&lang=fr" : ""}`);
  await page.evaluate((width) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="pane"]');
    if (frame) frame.style.width = `${width}px`;
  }, PANE_WIDTH);
  const pane = await paneFrame(page);
  const width = await pane.evaluate(() => document.documentElement.clientWidth);
  assert.ok(width <= PANE_WIDTH, `the pane is ${width} px wide`);
  return { page, pane };
}

for (const locale of ["en", "fr"] as const) {
  describe(`the pane at ${PANE_WIDTH} px (${locale})`, () => {
    it(`every step fits at ${PANE_WIDTH} px in ${locale === "fr" ? "French" : "English"}`, async () => {
      const L = (key: Parameters<typeof t>[0], params = {}) => t(key, params, locale);
      const { page, pane } = await openNarrow(locale);
      await pane.getByRole("heading", { name: L("pane.step.table") }).waitFor();
      await expectFits(pane, locale, "table step");

      await pane.getByRole("button", { name: L("pane.table.use") }).click();
      await pane.getByRole("heading", { name: L("pane.step.columns") }).waitFor();
      await expectFits(pane, locale, "columns and RFM method");

      await pane.getByRole("button", { name: L("pane.preview.button") }).click();
      await pane.getByText(L("pane.preview.nothingWritten")).waitFor();
      await expectFits(pane, locale, "RFM preview");

      await pane.getByRole("radio", { name: L("pane.method.kind.quantileTiers") }).click();
      await expectFits(pane, locale, "quantile tiers method");

      await pane.getByRole("radio", { name: L("pane.method.kind.clvTiers") }).click();
      await expectFits(pane, locale, "CLV tiers method");
      await pane.getByRole("button", { name: L("pane.preview.button") }).click();
      await pane.getByText(L("pane.preview.nothingWritten")).waitFor({ timeout: 60_000 });
      await expectFits(pane, locale, "CLV tiers preview");
      await screenshot(page, `13-pane-320-preview-${locale}`);

      await pane.getByRole("button", { name: L("pane.apply.button") }).click();
      await pane.getByText(locale === "fr" ? /^Terminé/ : /^Done:/).waitFor({ timeout: 60_000 });
      await expectFits(pane, locale, "after apply (result and segmentations list)");

      // Again on the same table: the replace-or-add choice.
      await pane.getByRole("button", { name: L("pane.table.use") }).click();
      await pane.getByRole("radio", { name: L("pane.method.kind.rfm") }).click();
      await pane.getByRole("button", { name: L("pane.preview.button") }).click();
      await pane.getByRole("radiogroup", { name: L("resegment.legend") }).waitFor();
      await expectFits(pane, locale, "replace or add");

      // On the Segments sheet: the own-sheet notice and the segmentations list.
      const sheet = L("segmentation.sheet.name");
      await page.evaluate((name) => {
        const host = window as unknown as {
          customerValueWorkbench: { workbook: { select(range: { sheet: string; row: number; col: number }): void } };
        };
        host.customerValueWorkbench.workbook.select({ sheet: name, row: 0, col: 0 });
      }, sheet);
      await pane.getByText(L("pane.table.ownSheet.title", { sheet })).waitFor();
      await expectFits(pane, locale, "segmentations list on the Segments sheet");
      await screenshot(page, `14-pane-320-list-${locale}`);
    });
  });
}
