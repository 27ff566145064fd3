import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADDIN_VERSION } from "../../src/engine/version";

test("the version written on the Segments sheet is package.json's", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string };
  expect(ADDIN_VERSION).toBe(pkg.version);
});
