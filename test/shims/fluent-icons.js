/*
 * @fluentui/react-icons for jest, loading each of its icon chunks when one of its icons is first used.
 *
 * The package's CommonJS entry re-exports ~120 chunks of icons (about 20 MB of JavaScript) and every Fluent control
 * with an icon requires it; jest evaluates every module again for each test file, so each UI test file loaded all of
 * them for the few dozen icons the pane shows. This module defines the same exports, in the entry's order, each
 * forwarding to the same chunk's same export: the names are read from the head of each chunk (its
 * `exports.A = exports.B = … = void 0;` lines), the values are the very objects the entry gives
 * (test/shims/fluent-shims.slow.test.tsx compares every one). The build does not use it (jest.config.js maps the
 * package name here for the tests only).
 */
"use strict";
const fs = require("fs");
const path = require("path");

// The real path: a chunk reached through a symbolic link would be a second copy of its module (and of its contexts).
const root = fs.realpathSync(path.join(__dirname, "../../node_modules/@fluentui/react-icons/lib-cjs"));
const entry = fs.readFileSync(path.join(root, "index.cjs"), "utf8");
const fail = (what) => {
  throw new Error(
    `test/shims/fluent-icons.js no longer reads ${root} (${what}): map the package back in jest.config.js`,
  );
};

/** The names a module declares in its head: lines of exports.A = exports.B = … = void 0; (TypeScript's output). */
function declaredNames(file) {
  const header = /^exports\.\w+(?: = exports\.\w+)* = void 0;$/;
  const fd = fs.openSync(file, "r");
  try {
    const names = [];
    const buffer = Buffer.alloc(1 << 16);
    let text = "";
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      text += buffer.toString("latin1", 0, read);
      const lines = text.split("\n");
      text = read === 0 ? "" : lines.pop();
      for (const line of lines) {
        if (header.test(line)) names.push(...[...line.matchAll(/exports\.(\w+)/g)].map((match) => match[1]));
        else if (names.length > 0) return names;
      }
      if (read === 0) return names.length > 0 ? names : fail(`no export list in ${file}`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

Object.defineProperty(exports, "__esModule", { value: true });
const define = (name, load) => {
  // tslib's __exportStar: the first module to export a name keeps it.
  if (Object.prototype.hasOwnProperty.call(exports, name) || name === "default") return;
  Object.defineProperty(exports, name, { enumerable: true, get: load });
};

const variables = new Map();
for (const [, variable, file] of entry.matchAll(/^var (\w+) = require\("(\.\/[^"]+)"\);$/gm)) {
  variables.set(variable, path.join(root, file));
}
let stars = 0;
let forwards = 0;
for (const line of entry.split("\n")) {
  const star = /^tslib_1\.__exportStar\(require\("(\.\/[^"]+)"\), exports\);$/.exec(line);
  const forward =
    /^Object\.defineProperty\(exports, "(\w+)", \{ enumerable: true, get: function \(\) \{ return (\w+)\.(\w+); \} \}\);$/.exec(
      line,
    );
  if (star) {
    const file = path.join(root, star[1]);
    for (const name of declaredNames(file)) define(name, () => require(file)[name]);
    stars++;
  } else if (forward) {
    const file = variables.get(forward[2]) ?? fail(`no module for ${forward[2]}`);
    define(forward[1], () => require(file)[forward[3]]);
    forwards++;
  }
}
const lines = (start) => entry.split("\n").filter((line) => line.startsWith(start)).length;
if (
  stars === 0 ||
  stars !== lines("tslib_1.__exportStar(") ||
  forwards !== lines('Object.defineProperty(exports, "') - 1
) {
  fail("an export this module does not read");
}
