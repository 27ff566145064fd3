// Runs the tests that check the product against published reference data.
// Usage: npm run test:reference                          (the copy in test/fixtures/reference)
//        npm run test:reference -- ../shared/reference   (another folder with the same layout)
// Further arguments go to jest, e.g. npm run test:reference -- --ci or -- ../shared/reference --ci.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const folder = args.length > 0 && !args[0].startsWith("-") ? args.shift() : resolve(root, "test", "fixtures", "reference");
const dir = resolve(folder);
if (!existsSync(resolve(dir, "expected.json"))) {
  console.error(`${dir} does not hold expected.json: give a reference folder (e.g. test/fixtures/reference)`);
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  [resolve(root, "node_modules/jest/bin/jest.js"), "--config", resolve(root, "jest.reference.config.js"), ...args],
  { stdio: "inherit", cwd: root, env: { ...process.env, REFERENCE_DIR: dir } }
);
process.exit(result.status ?? 1);
