/**
 * The modules that declare custom functions: those imported by src/functions/functions.ts that contain
 * an @customfunction tag. The metadata plugin reads exactly these, so adding an import is enough.
 */
const fs = require("fs");
const path = require("path");

const ENTRY = path.join(__dirname, "..", "src", "functions", "functions.ts");

function functionModules() {
  const entry = fs.readFileSync(ENTRY, "utf8");
  return [...entry.matchAll(/^import\s+"\.\/([\w-]+)";/gm)]
    .map((match) => path.join("src", "functions", `${match[1]}.ts`))
    .filter((file) => fs.readFileSync(path.join(__dirname, "..", file), "utf8").includes("@customfunction"))
    .map((file) => `./${file.split(path.sep).join("/")}`);
}

module.exports = { FUNCTION_MODULES: functionModules(), functionModules };
