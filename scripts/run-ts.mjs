// Runs a TypeScript script with tsx: node scripts/run-ts.mjs <file.ts> [arguments…]
import { spawnSync } from "node:child_process";
const [file, ...args] = process.argv.slice(2);
const { status } = spawnSync(process.execPath, ["--import", "tsx", file, ...args], { stdio: "inherit" });
process.exit(status ?? 1);
