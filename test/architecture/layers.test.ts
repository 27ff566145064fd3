/**
 * The dependency rule of DEVELOPERS.md, checked on every import in src/: taskpane → excel interface → engine;
 * functions → engine; nothing imports from taskpane or functions. The workbench is the one host allowed to load
 * the pane's workbook and the real functions, as Excel does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve(__dirname, "../../src");
type Layer = "engine" | "i18n" | "excel" | "functions" | "taskpane" | "workbench";

/** Which source layers each layer may import, and which packages. */
const ALLOWED: Record<Layer, { layers: Layer[]; packages: RegExp }> = {
  i18n: { layers: ["i18n"], packages: /^$/ },
  engine: { layers: ["engine", "i18n"], packages: /^@stdlib\// },
  excel: { layers: ["excel", "engine", "i18n"], packages: /^$/ },
  functions: { layers: ["functions", "engine", "i18n"], packages: /^$/ },
  taskpane: { layers: ["taskpane", "excel", "engine", "i18n"], packages: /^(react|react-dom|@fluentui\/)/ },
  workbench: {
    layers: ["workbench", "taskpane", "excel", "functions", "engine", "i18n"],
    packages: /^(react|react-dom|@fluentui\/)/,
  },
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const layerOf = (path: string) => relative(SRC, path).split(/[\\/]/)[0] as Layer;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"/g,
  )) {
    found.push(match[1] ?? match[2]);
  }
  return found;
}

/** The code of a file without its comments (which may well say "as in Excel."). */
const withoutComments = (file: string) =>
  readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");

describe("dependency direction between layers", () => {
  const files = sourceFiles(SRC).filter((file) => layerOf(file) in ALLOWED);

  it("finds the source files of every layer and their imports", () => {
    const layers = new Set(files.map(layerOf));
    expect([...layers].sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(importsOf(join(SRC, "excel/workbook.ts"))).toContain("../engine/sheet-data");
    expect(importsOf(join(SRC, "workbench/index.tsx"))).toContain("../functions/functions");
  });

  it("every import points downward (or to an allowed package)", () => {
    const violations: string[] = [];
    for (const file of files) {
      const rule = ALLOWED[layerOf(file)];
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith(".")) {
          const target = resolve(dirname(file), specifier);
          if (!target.startsWith(SRC)) continue; // assets and the like outside src
          const layer = layerOf(target);
          if (!rule.layers.includes(layer)) violations.push(`${relative(SRC, file)} → ${specifier}`);
        } else if (!rule.packages.test(specifier) && !specifier.startsWith("node:")) {
          violations.push(`${relative(SRC, file)} → ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("the engine touches no Office, DOM or React global", () => {
    const offending = files
      .filter((file) => layerOf(file) === "engine")
      .filter((file) => /\b(Office|Excel|CustomFunctions|window|document)\s*\./.test(withoutComments(file)))
      .map((file) => relative(SRC, file));
    expect(offending).toEqual([]);
  });
});
