/**
 * @jest-environment jsdom
 */
// jsdom for DOMParser: the manifest is checked as XML, the way Office reads it.
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const { transformManifest, manifestVersion, DEV_URL } = require("../../scripts/manifest-transform");

const root = join(__dirname, "..", "..");
const manifestText = readFileSync(join(root, "manifest.xml"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent}`);
  return doc;
}

const doc = parse(manifestText);
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const one = (tag: string) => {
  const found = all(tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0];
};

/** The resid of the SourceLocation under an element. */
const sourceResid = (element: Element) => element.getElementsByTagName("SourceLocation")[0]?.getAttribute("resid");

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function urlById(id: string): string {
  const url = all("bt:Url").find((element) => element.getAttribute("id") === id);
  if (!url) throw new Error(`no bt:Url ${id}`);
  return url.getAttribute("DefaultValue") ?? "";
}

describe("manifest.xml", () => {
  test("is well-formed XML of a task pane add-in for workbooks", () => {
    expect(doc.documentElement.nodeName).toBe("OfficeApp");
    expect(
      all("Host")
        .find((host) => host.hasAttribute("Name"))
        ?.getAttribute("Name"),
    ).toBe("Workbook");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    expect(one("DisplayName").getAttribute("DefaultValue")).toBe("Customer Value");
  });

  test("requires the shared runtime", () => {
    const set = all("Set").find((element) => element.getAttribute("Name") === "SharedRuntime");
    expect(set?.getAttribute("MinVersion")).toBe("1.1");
  });

  test("declares the ExcelApi set src/excel needs (1.9), and src/excel has no code for older sets", () => {
    const set = all("Set").find((element) => element.getAttribute("Name") === "ExcelApi");
    expect(set?.getAttribute("MinVersion")).toBe("1.9");
    const { readdirSync } = require("fs") as typeof import("fs");
    const dir = join(root, "src", "excel");
    const code = readdirSync(dir)
      .filter((file: string) => file.endsWith(".ts"))
      .map((file: string) => readFileSync(join(dir, file), "utf8"))
      .join("\n");
    // Range.getTables and suspendScreenUpdatingUntilNextSync are ExcelApi 1.9: the highest set the code uses.
    expect(code).toContain(".getTables(");
    expect(code).toContain("suspendScreenUpdatingUntilNextSync");
    expect(code).not.toMatch(/isSetSupported|supports\("1\.\d+"\)/);
  });

  test("every French locale the French function metadata covers gets the French name, ribbon group and button", () => {
    const metadata = all("bt:Url").find((element) => element.getAttribute("id") === "Functions.Metadata.Url")!;
    const locales = Array.from(metadata.getElementsByTagName("bt:Override")).map((override) =>
      override.getAttribute("Locale"),
    );
    expect(locales).toEqual(expect.arrayContaining(["fr-FR", "fr-BE", "fr-CA", "fr-CH", "fr-LU"]));
    const stringById = (id: string) => all("bt:String").find((element) => element.getAttribute("id") === id) ?? one(id);
    // The add-in's own Description (OfficeApp's child), not the Supertip or GetStarted ones.
    const description = Array.from(doc.documentElement.children).find((child) => child.nodeName === "Description")!;
    const elements = [
      one("DisplayName"),
      description,
      ...[
        "GetStarted.Title",
        "CommandsGroup.Label",
        "OpenPane.Label",
        "GetStarted.Description",
        "OpenPane.Tooltip",
      ].map(stringById),
    ];
    for (const element of elements) {
      const overrides = Array.from(element.children).filter((child) => /Override$/.test(child.nodeName));
      const french = overrides.find((override) => override.getAttribute("Locale") === "fr-FR")?.getAttribute("Value");
      const name = element.getAttribute("id") ?? element.nodeName;
      expect({ name, french: Boolean(french) }).toEqual({ name, french: true });
      for (const locale of locales) {
        const value = overrides.find((override) => override.getAttribute("Locale") === locale)?.getAttribute("Value");
        expect({ name, locale, value }).toEqual({ name, locale, value: french });
      }
    }
  });

  test("<Runtimes> comes first in the workbook host, with a long lifetime", () => {
    const host = all("Host").find((element) => element.getAttribute("xsi:type") === "Workbook");
    expect(host).toBeDefined();
    const children = Array.from(host!.children).map((child) => child.nodeName);
    expect(children[0]).toBe("Runtimes");
    expect(one("Runtime").getAttribute("lifetime")).toBe("long");
  });

  test("Runtime, Page, FunctionFile and the task pane use the same resid", () => {
    const runtime = one("Runtime").getAttribute("resid");
    const page = sourceResid(one("Page"));
    const functionFile = one("FunctionFile").getAttribute("resid");
    const actions = all("Action").filter((action) => action.getAttribute("xsi:type") === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    expect(runtime).toBe("Taskpane.Url");
    for (const resid of [page, functionFile, ...actions.map(sourceResid)]) expect(resid).toBe(runtime);
    // with a long-lived runtime, actions must not name a TaskpaneId
    expect(all("TaskpaneId")).toHaveLength(0);
  });

  test("declares custom functions in the CUST namespace with script and metadata", () => {
    const extension = all("ExtensionPoint").find((element) => element.getAttribute("xsi:type") === "CustomFunctions");
    expect(extension).toBeDefined();
    const namespaceId = extension!.getElementsByTagName("Namespace")[0].getAttribute("resid");
    const namespace = all("bt:String").find((element) => element.getAttribute("id") === namespaceId);
    expect(namespace?.getAttribute("DefaultValue")).toBe("CUST");
    expect(urlById("Functions.Script.Url")).toMatch(/functions\.js$/);
    expect(urlById("Functions.Metadata.Url")).toMatch(/functions\.json$/);
  });

  test("offers French function metadata to French Excel", () => {
    const metadata = all("bt:Url").find((element) => element.getAttribute("id") === "Functions.Metadata.Url")!;
    const overrides = Array.from(metadata.getElementsByTagName("bt:Override"));
    expect(overrides.map((override) => override.getAttribute("Locale"))).toContain("fr-FR");
    for (const override of overrides) expect(override.getAttribute("Value")).toMatch(/functions-fr\.json$/);
  });

  test("has a ribbon button on the Home tab that opens the pane", () => {
    const tab = one("OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const button = Array.from(tab.getElementsByTagName("Control")).find((c) => c.getAttribute("xsi:type") === "Button");
    expect(button?.getElementsByTagName("Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  test("every referenced icon exists with the declared pixel size", () => {
    const declared: { url: string; size: number }[] = [
      { url: one("IconUrl").getAttribute("DefaultValue")!, size: 32 },
      { url: one("HighResolutionIconUrl").getAttribute("DefaultValue")!, size: 64 },
    ];
    const images = all("bt:Image").filter((element) => element.hasAttribute("DefaultValue"));
    for (const image of images) {
      const size = Number(/(\d+)x\1/.exec(image.getAttribute("id") ?? "")?.[1]);
      expect(size).toBeGreaterThan(0);
      declared.push({ url: image.getAttribute("DefaultValue")!, size });
    }
    // every <bt:Image size=".."> reference in the ribbon points at an image of that size
    for (const reference of all("bt:Image").filter((element) => element.hasAttribute("size"))) {
      const target = images.find((image) => image.getAttribute("id") === reference.getAttribute("resid"));
      expect(target).toBeDefined();
      expect(target!.getAttribute("id")).toBe(
        `Icon.${reference.getAttribute("size")}x${reference.getAttribute("size")}`,
      );
    }
    for (const { url, size } of declared) {
      const file = join(root, url.replace(DEV_URL, ""));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test("every URL is https", () => {
    const urls = [...manifestText.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]+)"/g)].map((m) => m[1]);
    urls.push(...all("AppDomain").map((element) => element.textContent ?? ""));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  test("<Version> matches package.json", () => {
    expect(one("Version").textContent).toBe(manifestVersion(pkg.version));
  });

  test("the production transform rewrites every development URL and leaves no localhost", () => {
    const production = transformManifest(manifestText, {
      publicUrl: "https://addins.example.org/cv",
      version: "2.3.4",
    });
    expect(production).not.toMatch(/localhost/);
    const prodDoc = parse(production);
    expect(prodDoc.getElementsByTagName("Version")[0].textContent).toBe("2.3.4.0");
    expect(prodDoc.getElementsByTagName("AppDomain")[0].textContent).toBe("https://addins.example.org");
    const count = (text: string, needle: string) => text.split(needle).length - 1;
    expect(count(production, "https://addins.example.org/cv/")).toBe(count(manifestText, DEV_URL));
  });

  test("the production transform refuses a URL that is not https", () => {
    expect(() => transformManifest(manifestText, { publicUrl: "http://intranet/cv/" })).toThrow(/https/);
  });

  test("start:desktop and start:web serve the dev server over HTTPS, as the manifest's URLs say", () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts["start:desktop"]).toBe("node scripts/start-office.mjs desktop");
    expect(scripts["start:web"]).toBe("node scripts/start-office.mjs web");
    const wrapper = readFileSync(join(root, "scripts", "start-office.mjs"), "utf8");
    expect(wrapper).toContain('CV_DEV_HTTPS: "1"');
    expect(wrapper).toContain('"office-addin-debugging", "start", "manifest.xml", target');
    const webpack = readFileSync(join(root, "webpack.config.js"), "utf8");
    expect(webpack).toMatch(/const https = dev && process\.env\.CV_DEV_HTTPS === "1"/);
    expect(webpack).toMatch(/server: https \? \{ type: "https"/);
    expect(urlById("Taskpane.Url").startsWith("https://localhost:3000/")).toBe(true);
  });
});
