/**
 * @jest-environment jsdom
 */
// The server settings of deploy/ (IIS, nginx, Azure Static Web Apps): CORS on the function metadata Excel on the web
// fetches cross-origin, content types and cache headers; docs/deployment.md shows exactly these files, and the
// build copies the ones a server reads from the site folder.
import { readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");
const read = (...parts: string[]) => readFileSync(join(root, ...parts), "utf8");
const METADATA = ["functions.json", "functions-fr.json"];

describe("deploy/ server settings", () => {
  test("IIS web.config: CORS and no-cache on both metadata files, JSON content type", () => {
    const doc = new DOMParser().parseFromString(read("deploy", "web.config"), "application/xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    const json = Array.from(doc.getElementsByTagName("mimeMap")).find(
      (map) => map.getAttribute("fileExtension") === ".json",
    );
    expect(json?.getAttribute("mimeType")).toMatch(/^application\/json/);
    // A mimeMap IIS already has must be removed first, or IIS answers 500.
    expect(
      Array.from(doc.getElementsByTagName("remove")).map((element) => element.getAttribute("fileExtension")),
    ).toContain(".json");
    for (const file of METADATA) {
      const location = Array.from(doc.getElementsByTagName("location")).find(
        (element) => element.getAttribute("path") === file,
      );
      const headers = Array.from(location?.getElementsByTagName("add") ?? []).map((add) => [
        add.getAttribute("name"),
        add.getAttribute("value"),
      ]);
      expect({ file, headers }).toEqual({ file, headers: [["Access-Control-Allow-Origin", "*"]] });
      expect(location?.getElementsByTagName("clientCache")[0]?.getAttribute("cacheControlMode")).toBe("DisableCache");
    }
  });

  // The build's files keep their names across releases (webpack's "[name].js", pages, manifest), including scripts
  // the pane fetches only later (engine.js, segmentation.js): a cached one beside new ones would mix two releases.
  test("every server revalidates every file but the icons (IIS by default, nginx and Azure by extension)", () => {
    const doc = new DOMParser().parseFromString(read("deploy", "web.config"), "application/xml");
    const caches = Array.from(doc.getElementsByTagName("clientCache"));
    const place = (element: Element): string =>
      element.parentElement?.closest("location")?.getAttribute("path") ?? "(default)";
    const longLived = caches.filter((cache) => cache.getAttribute("cacheControlMode") !== "DisableCache").map(place);
    expect(longLived).toEqual(["assets"]);
    expect(
      caches.filter((cache) => place(cache) === "(default)").map((c) => c.getAttribute("cacheControlMode")),
    ).toEqual(["DisableCache"]);
    const conf = read("deploy", "nginx.conf");
    const revalidated = /location ~ \\\.\(([a-z|]+)\)\$ \{[^}]*no-cache/.exec(conf)?.[1].split("|") ?? [];
    expect(revalidated).toEqual(expect.arrayContaining(["html", "js", "xml"]));
    const azure = JSON.parse(read("deploy", "staticwebapp.config.json")) as {
      routes: { route: string; headers?: Record<string, string> }[];
    };
    const noCache = azure.routes.filter((route) => route.headers?.["Cache-Control"] === "no-cache").map((r) => r.route);
    expect(noCache).toEqual(expect.arrayContaining(["/*.html", "/*.js", "/manifest.xml"]));
    expect(read("webpack.config.js")).toContain('filename: "[name].js"');
  });

  test("nginx: the metadata location sends CORS and no-cache", () => {
    const conf = read("deploy", "nginx.conf");
    const block = /location ~ \/functions\(-fr\)\?\\\.json\$ \{([^}]*)\}/.exec(conf)?.[1] ?? "";
    expect(block).toContain('add_header Access-Control-Allow-Origin "*" always;');
    expect(block).toContain('add_header Cache-Control "no-cache" always;');
    for (const file of METADATA) expect(new RegExp("/functions(-fr)?\\.json$").test(`/cv/${file}`)).toBe(true);
    // A types { } block in a server would replace nginx's whole mime.types.
    expect(conf).not.toMatch(/^\s*types\s*\{/m);
  });

  test("Azure Static Web Apps: CORS and no-cache routes for both metadata files, JSON content type", () => {
    const config = JSON.parse(read("deploy", "staticwebapp.config.json")) as {
      routes: { route: string; headers?: Record<string, string> }[];
      mimeTypes: Record<string, string>;
    };
    for (const file of METADATA) {
      const route = config.routes.find((candidate) => candidate.route === `/${file}`);
      expect(route?.headers).toEqual({ "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" });
    }
    expect(config.mimeTypes[".json"]).toBe("application/json");
  });

  test("the deployment guide, in English and French, shows each file exactly", () => {
    for (const page of ["deployment.md", "deployment.fr.md"]) {
      const text = read("docs", page);
      for (const [file, language] of [
        ["web.config", "xml"],
        ["nginx.conf", "nginx"],
        ["staticwebapp.config.json", "json"],
      ]) {
        const content = read("deploy", file).trimEnd();
        expect({ page, file, shown: text.includes("```" + language + "\n" + content + "\n```") }).toEqual({
          page,
          file,
          shown: true,
        });
      }
      expect(text).toContain("WebView2");
      expect(text).toMatch(/Excel 2021 (and|et) Excel 2024 \(LTSC/);
      expect(text).toContain("Access-Control-Allow-Origin");
    }
  });

  test("the build copies web.config and staticwebapp.config.json into dist/", () => {
    const webpack = read("webpack.config.js");
    expect(webpack).toContain('{ from: "deploy/web.config", to: "web.config" }');
    expect(webpack).toContain('{ from: "deploy/staticwebapp.config.json", to: "staticwebapp.config.json" }');
  });
});
