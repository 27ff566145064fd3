// Validates manifest.xml (or the built dist/manifest.xml) against Microsoft's manifest XSDs, offline.
// Usage: npm run validate:offline -- <folder with the XSDs> [manifest file]
// The XSDs are not in this repository: CI passes ../shared/schemas/office-addin-manifest.
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";

const [schemaDir, manifestArg = "manifest.xml"] = process.argv.slice(2);
if (!schemaDir) {
  console.error("usage: npm run validate:offline -- <schema folder, e.g. ../shared/schemas/office-addin-manifest> [manifest.xml]");
  process.exit(2);
}
const mainSchema = "OfficeAppManifestV1_1.xsd";
if (!existsSync(join(schemaDir, mainSchema))) {
  console.error(`${resolve(schemaDir)} does not hold ${mainSchema}`);
  process.exit(2);
}
const xsdFiles = (await readdir(schemaDir)).filter((file) => file.endsWith(".xsd"));
const load = async (file) => ({ fileName: file, contents: await readFile(join(schemaDir, file), "utf8") });
const result = await validateXML({
  xml: [{ fileName: manifestArg, contents: await readFile(manifestArg, "utf8") }],
  schema: [await load(mainSchema)],
  preload: await Promise.all(xsdFiles.filter((file) => file !== mainSchema).map(load)),
});
if (!result.valid) {
  for (const error of result.errors) console.error(error.rawMessage ?? error.message ?? String(error));
  console.error(`${manifestArg}: NOT valid against ${mainSchema}`);
  process.exit(1);
}
console.log(`${manifestArg}: valid against ${mainSchema} (${xsdFiles.length} schema files)`);
