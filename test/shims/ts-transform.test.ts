/**
 * jest's transform (test/shims/ts-transform.js) binds Math, Number, … once per module, to the very objects of the
 * global: modules see the same built-ins, no longer looked up on jest's vm global at every use. The prelude keeps a
 * module strict and leaves alone the names a module declares.
 */
import vm from "vm";
import abs from "@stdlib/math-base-special-abs";
import { gaussLegendre } from "../../src/engine/optim/gauss-legendre";

const { BOUND, withPrelude } = require("./ts-transform") as {
  BOUND: string[];
  withPrelude: (code: string) => string;
};

/** Runs `run` while the global `name` is an object that fails on any use: what still works has its own binding. */
function withoutGlobal<T>(name: string, run: () => T): T {
  const global = globalThis as unknown as Record<string, unknown>;
  const real = global[name];
  global[name] = new Proxy(
    {},
    {
      get: () => {
        throw new Error(`the global ${name} was read`);
      },
    },
  );
  try {
    return run();
  } finally {
    global[name] = real;
  }
}

describe("the prelude of jest's transform", () => {
  test("binds the global built-ins themselves", () => {
    const bound: Record<string, unknown> = {
      Math,
      Number,
      Array,
      Object,
      Float64Array,
      Float32Array,
      Int32Array,
      Uint32Array,
      Int16Array,
      Uint16Array,
      Int8Array,
      Uint8Array,
      Uint8ClampedArray,
      Map,
      Set,
      WeakMap,
      String,
      Boolean,
      Symbol,
      JSON,
      Error,
      RangeError,
      TypeError,
      isFinite,
      isNaN,
      parseFloat,
      parseInt,
      Infinity,
      NaN,
    };
    expect(Object.keys(bound).sort()).toEqual([...BOUND].sort());
    for (const name of BOUND) {
      const global = (globalThis as unknown as Record<string, unknown>)[name];
      if (Number.isNaN(global)) expect(Number.isNaN(bound[name])).toBe(true);
      else expect({ name, same: bound[name] === global }).toEqual({ name, same: true });
    }
  });

  test("is in place in the project's modules and in @stdlib's", () => {
    // Both read Math: they work while the global Math is unusable, so they use their own binding.
    expect(withoutGlobal("Math", () => Math.abs(-2))).toBe(2);
    expect(withoutGlobal("Math", () => abs(-2))).toBe(2);
    const [nodes, weights] = withoutGlobal("Math", () => gaussLegendre(8));
    expect(weights.reduce((sum, w) => sum + w, 0)).toBeCloseTo(2, 12);
    expect(nodes[0]).toBeCloseTo(-nodes[7], 12);
  });

  test("keeps a module strict, after its comments, and leaves alone the names it declares", () => {
    // jest runs a module as a function's body (a script could not redeclare Infinity or NaN).
    const run = (code: string): unknown => vm.runInNewContext(`(function () {${code}\n})()`);
    const strict = "/* licence */\n// note\n'use strict';\nundeclared = 1;";
    const transformed = withPrelude(strict);
    expect(transformed.startsWith("/* licence */\n// note\n'use strict';const { Math,")).toBe(true);
    expect(() => run(transformed)).toThrow(/undeclared is not defined/);
    expect(withPrelude("function Map() {}\nvar Set = 1;")).not.toMatch(/\bMap\b.*globalThis|\bSet\b.*globalThis/);
    expect(withPrelude("function Map() {}\nvar Set = 1;")).toMatch(/const \{ Math, .*\} = globalThis;/);
    expect(run(withPrelude("'use strict'; return [Math.abs(-3), Number.isFinite(1), typeof Map];"))).toEqual([
      3,
      true,
      "function",
    ]);
  });
});
