// `npm stop`: ends what `npm start` started — the workbench server, or the Excel sideloading session.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { STATE_FILE } from "./dev-server-state.mjs";

if (existsSync(STATE_FILE)) {
  const { pid, port } = JSON.parse(readFileSync(STATE_FILE, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the workbench server on port ${port} (pid ${pid}).`);
  } catch {
    console.log(`The workbench server (pid ${pid}) was not running any more.`);
  }
  rmSync(STATE_FILE, { force: true });
} else if (process.platform === "win32" || process.platform === "darwin") {
  const result = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(result.status ?? 1);
} else {
  console.log("Nothing to stop: no workbench server started by npm start is running.");
}
