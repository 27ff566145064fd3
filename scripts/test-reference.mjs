// Runs the tests that check the product against published reference data.
// Usage: npm run test:reference -- ../shared/reference
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const [folder, ...jestArgs] = process.argv.slice(2);
if (!folder) {
  console.error("usage: npm run test:reference -- <reference folder, e.g. ../shared/reference>");
  process.exit(2);
}
const dir = resolve(folder);
if (!existsSync(resolve(dir, "expected.json"))) {
  console.error(`${dir} does not hold expected.json: give the reference folder (../shared/reference)`);
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  ["node_modules/jest/bin/jest.js", "--config", "jest.reference.config.js", ...jestArgs],
  { stdio: "inherit", env: { ...process.env, REFERENCE_DIR: dir } }
);
process.exit(result.status ?? 1);
