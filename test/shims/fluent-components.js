/*
 * @fluentui/react-components for jest, loading each Fluent package when one of its exports is first used.
 *
 * The umbrella package's CommonJS entry forwards each of its ~1,200 exports to one of ~58 packages, but requires all
 * of them first; jest evaluates every module again for each test file, so each UI test file paid for the whole of
 * Fluent (accordion, carousel, color picker, tree…) while the pane uses a fraction. This module defines the same
 * exports, each forwarding to the same package's same export, read from the umbrella's entry: the values are the
 * very objects the umbrella gives (test/shims/fluent-components.slow.test.tsx compares every one). The build does
 * not use it (jest.config.js maps the package name here for the tests only).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const entry = path.join(__dirname, "../../node_modules/@fluentui/react-components/lib-commonjs/index.cjs");
const source = fs.readFileSync(entry, "utf8");

// const _reactbutton = require("@fluentui/react-button");
const packages = new Map();
for (const [, alias, name] of source.matchAll(/^const (_\w+) = require\("([^"]+)"\);$/gm)) packages.set(alias, name);
// get Button () { return _reactbutton.Button; },  (a few with comments between `get` and the name)
const forwards = [...source.matchAll(/\bget\s+(?:\/\/[^\n]*\n\s*)*(\w+) \(\) \{\s*return (_\w+)\.(\w+);\s*\}/g)];
const getters = (source.match(/\breturn _\w+\.\w+;/g) ?? []).length;
if (forwards.length === 0 || forwards.length !== getters || forwards.some(([, , alias]) => !packages.has(alias))) {
  throw new Error(`test/shims/fluent-components.js no longer reads ${entry}: map the package back in jest.config.js`);
}

Object.defineProperty(exports, "__esModule", { value: true });
for (const [, name, alias, member] of forwards) {
  const from = packages.get(alias);
  Object.defineProperty(exports, name, { enumerable: true, get: () => require(from)[member] });
}
