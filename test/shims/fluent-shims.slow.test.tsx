/**
 * The lazy stand-ins jest uses for @fluentui/react-components and @fluentui/react-icons (test/shims/fluent-*.js) give
 * exactly the packages' exports: the same names, and each the very object the package's own entry gives. Slow by
 * nature: it loads all of Fluent and all of its icons, which the stand-ins exist to avoid.
 */
import fs from "fs";
import path from "path";
import * as components from "@fluentui/react-components";
import * as icons from "@fluentui/react-icons";

const modules = fs.realpathSync(path.join(__dirname, "../../node_modules/@fluentui"));

function compare(shim: Record<string, unknown>, entry: string) {
  const real = jest.requireActual<Record<string, unknown>>(path.join(modules, entry));
  const names = Object.keys(real).filter((name) => name !== "__esModule");
  expect(names.length).toBeGreaterThan(1000);
  expect(Object.keys(shim).sort()).toEqual([...names].sort());
  const different = names.filter((name) => shim[name] !== real[name] || shim[name] === undefined);
  expect(different).toEqual([]);
}

test("the components' stand-in has every export of @fluentui/react-components, each the same object", () => {
  compare(components as unknown as Record<string, unknown>, "react-components/lib-commonjs/index.cjs");
});

test("the icons' stand-in has every export of @fluentui/react-icons, each the same object", () => {
  compare(icons as unknown as Record<string, unknown>, "react-icons/lib-cjs/index.cjs");
});
