/**
 * After the production build (.ci/run): the size budget and the split of the bundles.
 * - First load: the scripts taskpane.html loads (the shared runtime: the pane and the custom functions), in bytes.
 *   The run fails when it grows by more than 10 % over .ci/bundle-baseline.json; `--update` records the current
 *   sizes as the new baseline (commit it with the change that justifies it).
 * - The functions' scripts (runtime, shared engine chunk, functions.js) carry none of the pane's strings: every
 *   message of the pane and workbench areas (src/i18n/pane-messages.ts, workbench-messages.ts) is looked for, by a
 *   fragment no function message shares.
 * Usage: node --import tsx scripts/check-bundles.ts [dist] [--update]
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { FUNCTION_AREAS } from "../src/i18n/function-messages";
import { PANE_AREAS } from "../src/i18n/pane-messages";
import { WORKBENCH_AREAS } from "../src/i18n/workbench-messages";

const args = process.argv.slice(2);
const dist = resolve(args.find((arg) => !arg.startsWith("--")) ?? "dist");
const baselineFile = resolve(import.meta.dirname, "../.ci/bundle-baseline.json");
const GROWTH = 0.1;

const html = readFileSync(join(dist, "taskpane.html"), "utf8");
const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
  .map((match) => match[1])
  .filter((src) => !/^https?:/.test(src));
const sizes = Object.fromEntries(scripts.map((src) => [src, statSync(join(dist, src)).size]));
const firstLoad = Object.values(sizes).reduce((sum, size) => sum + size, 0);
const gzip = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src))).length, 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`first load (taskpane.html): ${scripts.map((s) => `${s} ${kib(sizes[s])}`).join(", ")}`);
console.log(`  total ${kib(firstLoad)} (${kib(gzip)} gzipped)`);

let failed = false;

// The functions' own scripts: every script of the page but the pane's entry.
const functionScripts = scripts.filter((src) => !/taskpane/.test(src));
const functionText = functionScripts.map((src) => readFileSync(join(dist, src), "utf8")).join("\n");
const functionMessages = Object.values(FUNCTION_AREAS).flatMap((area) => [
  ...Object.values(area.en),
  ...Object.values(area.fr),
]);
const fragments = (message: string) => message.split(/\{\w+\}/).filter((part) => part.trim().length >= 16);
const leaked: string[] = [];
let looked = 0;
for (const area of [...Object.values(PANE_AREAS), ...Object.values(WORKBENCH_AREAS)]) {
  for (const message of [...Object.values(area.en), ...Object.values(area.fr)] as string[]) {
    const fragment = fragments(message).find((part) => !functionMessages.some((other) => other.includes(part)));
    if (!fragment) continue;
    looked++;
    if (functionText.includes(fragment)) leaked.push(fragment);
  }
}
if (looked === 0) {
  console.error("no pane message to look for: the check would pass whatever the bundles hold");
  failed = true;
} else if (leaked.length) {
  console.error(
    `pane strings in the functions' scripts (${functionScripts.join(", ")}):\n  ${leaked.slice(0, 5).join("\n  ")}`,
  );
  failed = true;
} else {
  console.log(`no pane string in ${functionScripts.join(", ")} (${looked} pane messages looked for)`);
}

if (args.includes("--update")) {
  writeFileSync(baselineFile, `${JSON.stringify({ firstLoadBytes: firstLoad, files: sizes }, null, 2)}\n`);
  console.log(`baseline recorded in ${baselineFile}`);
} else if (!existsSync(baselineFile)) {
  console.error(`no baseline at ${baselineFile}: run with --update after a production build`);
  failed = true;
} else {
  const baseline = JSON.parse(readFileSync(baselineFile, "utf8")) as { firstLoadBytes: number };
  const limit = baseline.firstLoadBytes * (1 + GROWTH);
  const growth = (firstLoad / baseline.firstLoadBytes - 1) * 100;
  const line = `first load ${kib(firstLoad)} vs baseline ${kib(baseline.firstLoadBytes)} (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %, budget +${GROWTH * 100} %)`;
  if (firstLoad > limit) {
    console.error(`${line}: over budget. Shrink the bundles, or record a new baseline with --update and say why.`);
    failed = true;
  } else console.log(`${line}: within budget`);
}
process.exit(failed ? 1 : 0);
