/**
 * The UI tests' jsdom shortcuts (test/shims/jsdom-environment.ts, selector-prefilter.ts) give the answers jsdom
 * gives without them: the selector prefilter never says "no match" where the selector engine says "match", and the
 * computed style of every element of a rendered Fluent pane is the same with and without the shortcuts.
 */
import fc from "fast-check";
import { render, screen } from "@testing-library/react";
import { Button, Checkbox, FluentProvider, MessageBar, Switch, webLightTheme } from "@fluentui/react-components";
import { t } from "../../src/i18n";
import type { JsdomShortcuts } from "./jsdom-environment";
import { subjectRequirements, withPrefilter } from "./selector-prefilter";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import "../taskpane/dom-shims";

const shortcuts = (globalThis as unknown as { jsdomShortcuts: JsdomShortcuts }).jsdomShortcuts;

/** The selector engine's answer, as jsdom's getComputedStyle takes it (an invalid selector matches nothing). */
const engineMatch = (selector: string, element: Element): boolean => {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
};

function fixture(): Element[] {
  document.body.innerHTML = `
    <div id="root" class="fui-FluentProvider r1abc f22iagw">
      <section class="Card f1x f2y" data-kind="card" lang="fr">
        <h1 class="title">Title</h1>
        <p class="f1x">text <a href="#x" class="link F3Z">link</a></p>
        <input type="checkbox" class="box" checked>
        <span class="box-label f2y"></span>
        <ul><li class="item odd"></li><li class="item"></li><li class="item odd f1x"></li></ul>
        <svg class="icon"><foreignObject class="inner"></foreignObject><path class="f1x"></path></svg>
      </section>
      <button class="Button f1x" disabled hidden>Go</button>
    </div>`;
  return [...document.querySelectorAll("*")];
}

const CORPUS = [
  "div",
  "DIV",
  "p",
  "*",
  ".f1x",
  ".F1X",
  ".f3z",
  ".f1x.f2y",
  "p.f1x",
  "span.f1x",
  ".f1x:hover",
  ".f1x::after",
  ".f1x:focus-visible::after",
  ".f1x:not(.f2y)",
  ":not(.f1x)",
  ".card .f1x",
  ".Card .f1x",
  ".Card > p",
  ".Card>p",
  ".Card + .f1x",
  ".box:checked ~ .box-label",
  ".box:checked~span",
  "li:nth-child(2n + 1)",
  ".item:nth-child(2n+1).odd",
  ".item.odd:last-child",
  "ul li.odd",
  ":is(.f1x, .f2y)",
  ":where(p) .link",
  "h1, .title, p",
  ".link, .nope",
  ".nope, .also-nope",
  "a[href]",
  "a[href='#x']",
  '[data-kind="card"] .f1x',
  "[data-kind=card] p",
  "#root .f1x",
  "#root",
  ":root",
  "html",
  "svg .inner",
  "foreignObject",
  "foreignobject",
  "svg|path",
  ".a\\:b",
  "button[hidden]",
  ".Button:disabled",
  ":lang(fr) h1",
  "section:has(> h1)",
  "",
  " ",
  ".",
  "div,",
  ".f1x)",
  "@namespace x",
  "p .f1x .link",
];

describe("the selector prefilter", () => {
  test("reads what a selector's subject requires, and gives up where it cannot be sure", () => {
    expect(subjectRequirements(".a .b")).toEqual([{ tag: null, classes: ["b"] }]);
    expect(subjectRequirements("div.X.y:hover::after")).toEqual([{ tag: "div", classes: ["x", "y"] }]);
    expect(subjectRequirements("h1, .t > p.c")).toEqual([
      { tag: "h1", classes: [] },
      { tag: "p", classes: ["c"] },
    ]);
    expect(subjectRequirements(".a:not(.b)")).toEqual([{ tag: null, classes: ["a"] }]);
    expect(subjectRequirements("li:nth-child(2n + 1)")).toEqual([{ tag: "li", classes: [] }]);
    for (const unsure of [":not(.a)", ".a, :hover", "*", ".a\\:b", "[x='.y']", "svg|path", "", ".a)", "@media x"]) {
      expect({ unsure, requirements: subjectRequirements(unsure) }).toEqual({ unsure, requirements: null });
    }
  });

  test("answers as the selector engine on every pair of a corpus, and skips most of them", () => {
    const elements = fixture();
    const counts = { skipped: 0, run: 0 };
    const filtered = withPrefilter(engineMatch, counts);
    const wrong: string[] = [];
    for (const selector of CORPUS) {
      for (const element of elements) {
        if (filtered(selector, element) !== engineMatch(selector, element)) {
          wrong.push(`${selector} on <${element.localName} class="${element.getAttribute("class") ?? ""}">`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(counts.skipped).toBeGreaterThan(counts.run / 2);
  });

  test("answers as the selector engine on random selectors (property)", () => {
    const elements = fixture();
    const filtered = withPrefilter(engineMatch);
    const simple = fc.constantFrom("", "div", "p", "li", "span", "svg", "a", "*");
    const klass = fc.constantFrom(".f1x", ".f2y", ".F3Z", ".item", ".odd", ".card", ".Card", ".box", ".zzz");
    const pseudo = fc.constantFrom("", ":hover", ":not(.f1x)", ":first-child", ":checked", "::after", ":is(p, .odd)");
    const compound = fc
      .tuple(simple, fc.array(klass, { maxLength: 3 }), pseudo)
      .map(([tag, classes, suffix]) => `${tag}${classes.join("")}${suffix}` || "*");
    const combinator = fc.constantFrom(" ", " > ", ">", " + ", " ~ ", "\n");
    const complex = fc
      .tuple(compound, fc.array(fc.tuple(combinator, compound), { maxLength: 2 }))
      .map(([first, rest]) => first + rest.map(([c, part]) => c + part).join(""));
    const selector = fc.array(complex, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(", "));
    fc.assert(
      fc.property(selector, (text) =>
        elements.every((element) => filtered(text, element) === engineMatch(text, element)),
      ),
      { numRuns: 300 },
    );
  });
});

describe("getComputedStyle with the shortcuts", () => {
  /** Every element's computed style, as text, and the properties the UI tests read. */
  const styles = () =>
    [...document.querySelectorAll("*")].map((element) => {
      const style = window.getComputedStyle(element);
      return [style.cssText, style.visibility, style.display, style.pointerEvents, style.opacity].join(" | ");
    });

  test("is the same, for every element of the rendered pane and of Fluent's controls, as without them", async () => {
    const workbook = new MemoryWorkbook();
    workbook.addTable({
      name: "Clients",
      sheet: "Data",
      row: 1,
      col: 1,
      headers: ["Customer ID", "Recency", "Frequency", "Monetary"],
      rows: [
        ["C1", 3, 2, 20],
        ["C2", 30, 1, 35.5],
      ],
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <Button appearance="primary">Go</Button>
        <Button disabled>Not now</Button>
        <Checkbox label="Keep" defaultChecked />
        <Switch label="On" />
        <MessageBar intent="warning">Careful</MessageBar>
        <div style={{ visibility: "hidden", pointerEvents: "none" }}>
          <span>hidden</span>
        </div>
      </FluentProvider>,
    );
    render(<PaneRoot workbook={workbook} locale="en" />);
    expect(await screen.findByText(t("pane.table.none.title"))).toBeInTheDocument();
    expect(document.querySelectorAll("style").length).toBeGreaterThan(0);

    const skippedBefore = shortcuts.counts.skipped;
    const fast = styles();
    expect(shortcuts.counts.skipped).toBeGreaterThan(skippedBefore);
    shortcuts.enabled = false;
    let slow: string[];
    try {
      slow = styles();
    } finally {
      shortcuts.enabled = true;
    }
    expect(fast.length).toBeGreaterThan(50);
    expect(fast).toEqual(slow);
    // Some rules did apply: the comparison is not between empty styles.
    expect(fast.filter((text) => text.split(";").length > 3).length).toBeGreaterThan(10);
  });

  test("element.style still writes the style attribute (its change callback is kept)", () => {
    const element = document.createElement("div");
    element.style.color = "red";
    element.style.setProperty("pointer-events", "none");
    expect(element.getAttribute("style")).toBe("color: red; pointer-events: none;");
    expect(window.getComputedStyle(element).pointerEvents).toBe("none");
  });
});
