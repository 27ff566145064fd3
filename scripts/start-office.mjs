// `npm run start:desktop` / `npm run start:web`: sideload the add-in into Excel with office-addin-debugging, the dev
// server on HTTPS (CV_DEV_HTTPS=1, with office-addin-dev-certs' localhost certificate) as manifest.xml's
// https://localhost:3000/ URLs require. office-addin-debugging starts `npm run dev-server`, which inherits this
// environment. Further arguments go to office-addin-debugging (for Excel on the web: --document <workbook URL>).
import { spawn } from "node:child_process";

const [target, ...rest] = process.argv.slice(2);
if (target !== "desktop" && target !== "web") {
  console.error("usage: node scripts/start-office.mjs desktop|web [office-addin-debugging options]");
  process.exit(2);
}
const child = spawn("npx", ["office-addin-debugging", "start", "manifest.xml", target, "--app", "excel", ...rest], {
  stdio: "inherit",
  env: { ...process.env, CV_DEV_HTTPS: "1" },
  shell: process.platform === "win32",
});
child.on("exit", (code) => process.exit(code ?? 1));
