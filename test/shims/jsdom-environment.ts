/**
 * The UI tests' environment: jest-environment-jsdom with two shortcuts in getComputedStyle, which testing-library's
 * role queries and user-event's pointer-events check call for every element they look at, and which took most of
 * the UI tests' time (Fluent's atomic CSS puts hundreds of rules in the document; jsdom matches each against the
 * element, and against each ancestor for `visibility`). Both give the same answers:
 *
 * 1. A rule whose selector needs a tag or a class the element lacks is not handed to the selector engine
 *    (test/shims/selector-prefilter.ts). jsdom matches style rules through one nwsapi instance per document (its
 *    `_nwsapiDontThrow`, made on the first getComputedStyle); its `match` is wrapped here, whatever order jsdom's
 *    modules were loaded in.
 * 2. A style declaration without a change callback (the computed style jsdom builds) is not serialised to text after
 *    every property it receives (cssstyle's _setProperty does so for the callback, which only element.style has).
 *
 * `jsdomShortcuts` on the test's global counts the matches skipped and can turn both off, so a test can compare the
 * computed styles with and without them (test/shims/jsdom-environment.test.tsx).
 */
import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import JSDOMEnvironment from "jest-environment-jsdom";
import { MatchedElement, PrefilterCounts, withPrefilter } from "./selector-prefilter";

interface Nwsapi {
  match(selector: string, element: MatchedElement): boolean;
}

/** The parts of cssstyle's CSSStyleDeclaration that _setProperty uses. */
interface Declaration {
  _values: Record<string, string>;
  _importants: Record<string, string | undefined>;
  _length: number;
  _onChange: (cssText: string) => void;
  readonly cssText: string;
  removeProperty(name: string): string;
  [index: number]: string;
}
type SetProperty = (this: Declaration, name: string, value: string | null | undefined, priority?: string) => void;

export interface JsdomShortcuts {
  enabled: boolean;
  counts: PrefilterCounts;
}

export default class ShortcutJsdomEnvironment extends JSDOMEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const window = this.dom!.window;
    const shortcuts: JsdomShortcuts = { enabled: true, counts: { skipped: 0, run: 0 } };

    // 1. Makes the document's nwsapi instance (jsdom creates it on the first match), then wraps its match. jsdom
    // keeps it on the document's implementation object, reached through the wrapper's implementation symbol.
    const computed = window.getComputedStyle(window.document.documentElement);
    const implSymbol = Object.getOwnPropertySymbols(window.document).find((symbol) => symbol.description === "impl");
    const documentImpl = implSymbol
      ? (window.document as unknown as Record<symbol, { _nwsapiDontThrow?: Nwsapi }>)[implSymbol]
      : undefined;
    const engine = documentImpl?._nwsapiDontThrow;
    if (!engine) throw new Error("jsdom changed: its getComputedStyle selector engine was not found");
    const match = engine.match.bind(engine);
    const prefiltered = withPrefilter(match, shortcuts.counts);
    engine.match = (selector, element) => (shortcuts.enabled ? prefiltered : match)(selector, element);

    // 2. cssstyle's prototype is shared by every declaration of this process (jsdom loads it once): patched once.
    const prototype = Object.getPrototypeOf(computed) as { _setProperty: SetProperty; _shortcut?: JsdomShortcuts };
    const global = this.global as unknown as { jsdomShortcuts: JsdomShortcuts };
    global.jsdomShortcuts = shortcuts;
    if (prototype._shortcut === undefined) {
      const original = prototype._setProperty;
      prototype._setProperty = function (name, value, priority) {
        // The callback jsdom gives element.style takes the new text; the default one (no callback) takes nothing.
        if (!(prototype._shortcut?.enabled ?? false) || this._onChange.length > 0 || value === null || value === "") {
          original.call(this, name, value, priority);
          return;
        }
        if (value === undefined) return;
        if (!this._values[name] || Array.prototype.indexOf.call(this, name) < 0) {
          this[this._length] = name;
          this._length++;
        }
        this._values[name] = value;
        this._importants[name] = priority;
      };
    }
    // The file being run owns the switch (one environment at a time in a process).
    prototype._shortcut = shortcuts;
  }
}
