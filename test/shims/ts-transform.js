/*
 * ts-jest, with each compiled module reading the built-in objects it uses from module-level constants.
 *
 * Jest runs every module inside a vm context, where each read of a global name (Math, Number, Float64Array…) goes
 * through the context's global-object interceptor instead of V8's fast path: Math.exp in a loop is ~20× slower
 * there than in Node (jestjs/jest#5163), which made the engine's numerical code most of `npm test`'s time. One line
 * after the "use strict" directive, `const { Math, … } = globalThis;`, binds the same objects once per module
 * (test/shims/ts-transform.test.ts checks that they are the same and are bound). Only intrinsics that neither jest
 * nor a test replaces are bound (not Date, timers or performance, which fake timers swap), and a name the module
 * declares itself is left alone. The build and the bundles are untouched: this is jest's transform only.
 */
"use strict";
const crypto = require("crypto");
const { TsJestTransformer } = require("ts-jest");

const BOUND = [
  "Math",
  "Number",
  "Array",
  "Object",
  "Float64Array",
  "Float32Array",
  "Int32Array",
  "Uint32Array",
  "Int16Array",
  "Uint16Array",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Map",
  "Set",
  "WeakMap",
  "String",
  "Boolean",
  "Symbol",
  "JSON",
  "Error",
  "RangeError",
  "TypeError",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
  "Infinity",
  "NaN",
];

/** The line added to a compiled module: the names it does not declare itself. */
function prelude(code) {
  const names = BOUND.filter((name) => !new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b`).test(code));
  return names.length === 0 ? "" : `const { ${names.join(", ")} } = globalThis;`;
}

/**
 * The code with the prelude after its leading comments and "use strict" directive (which must stay first to keep
 * the module strict), on the same line: the source map's lines stay.
 */
function withPrelude(code) {
  const line = prelude(code);
  if (line === "") return code;
  const head = /^(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*(?:(?:"use strict"|'use strict');?)?/.exec(code);
  const at = head ? head[0].length : 0;
  return code.slice(0, at) + line + code.slice(at);
}

const VERSION = crypto.createHash("sha1").update(`${BOUND.join()}|${prelude.toString()}|${withPrelude.toString()}`);

const key = (parts) => `${parts}:${VERSION.copy().digest("hex")}`;

module.exports = {
  BOUND,
  withPrelude,
  /** For plain JavaScript (@stdlib's special functions): the prelude only. */
  plain: {
    process: (source) => ({ code: withPrelude(source) }),
    getCacheKey: (source, path) => key(crypto.createHash("sha1").update(source).update(path).digest("hex")),
  },
  createTransformer(config) {
    const base = new TsJestTransformer(config);
    const mark = key;
    const transformed = (result) =>
      typeof result === "string" ? withPrelude(result) : { ...result, code: withPrelude(result.code) };
    return {
      canInstrument: base.canInstrument,
      process: (source, path, options) => transformed(base.process(source, path, options)),
      processAsync: async (source, path, options) => transformed(await base.processAsync(source, path, options)),
      getCacheKey: (source, path, options) => mark(base.getCacheKey(source, path, options)),
      getCacheKeyAsync: async (source, path, options) => mark(await base.getCacheKeyAsync(source, path, options)),
    };
  },
};
