// Runs every bench/*.bench.ts in its own Node process (so peak memory is per benchmark) and prints
// their lines. Usage: npm run bench [-- name-filter]. Figures go to BENCHMARKS.md by hand, with the machine.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import os from "node:os";

const filter = process.argv[2] ?? "";
const files = readdirSync("bench")
  .filter((file) => file.endsWith(".bench.ts") && file.includes(filter))
  .sort();
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const result = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx", `bench/${file}`], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} benchmark file(s) failed`);
  process.exit(1);
}
