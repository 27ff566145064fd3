/**
 * @jest-environment jsdom
 */
// taskpane.html, before office.js and the bundle: on Internet Explorer or the original Edge (no WebView2) the pane
// says what is needed, in English and French, instead of staying blank.
import { readFileSync } from "fs";
import { join } from "path";
import { AREAS } from "../../src/i18n/all";

const html = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
const page = new DOMParser().parseFromString(html, "text/html");

const AGENTS = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)",
};

/** The page's inline detection script, run against a user agent: the class it puts on <html>. */
function detect(agent: string): { className: string; flagged: boolean } {
  const script = Array.from(page.head.querySelectorAll("script")).find((element) => !element.hasAttribute("src"));
  const documentElement = { className: "" };
  const fakeWindow: Record<string, unknown> = { navigator: { userAgent: agent } };
  new Function("window", "document", script!.textContent!)(fakeWindow, { documentElement });
  return { className: documentElement.className.trim(), flagged: fakeWindow.CUSTOMER_VALUE_LEGACY_WEBVIEW === true };
}

describe("taskpane.html on an old webview", () => {
  test("says what is needed in English and French, in the catalogue's words", () => {
    const messages = AREAS.webview;
    for (const locale of ["en", "fr"] as const) {
      for (const [key, text] of Object.entries(messages[locale])) {
        const id = `webview-${key.slice("webview.".length)}-${locale}`;
        expect({ id, text: page.getElementById(id)?.textContent?.replace(/\s+/g, " ").trim() }).toEqual({ id, text });
      }
    }
    expect(page.querySelector('#legacy-webview section[lang="fr"]')).not.toBeNull();
  });

  test("shows the message instead of the pane on Internet Explorer and EdgeHTML only", () => {
    expect(detect(AGENTS.ie11)).toEqual({ className: "legacy-webview", flagged: true });
    expect(detect(AGENTS.edgeHtml)).toEqual({ className: "legacy-webview", flagged: true });
    expect(detect(AGENTS.webView2)).toEqual({ className: "", flagged: false });
    expect(detect(AGENTS.mac)).toEqual({ className: "", flagged: false });
    const style = page.head.querySelector("style")!.textContent!;
    expect(style).toMatch(/html\.legacy-webview #legacy-webview\s*\{\s*display: block;/);
    expect(style).toMatch(/html\.legacy-webview #container\s*\{\s*display: none;/);
    expect(style).toMatch(/#legacy-webview\s*\{\s*display: none;/);
  });

  test("the detection runs before any other script and is written so Internet Explorer can run it", () => {
    const scripts = Array.from(page.querySelectorAll("script"));
    expect(scripts).toHaveLength(1); // office.js and the bundle are injected after it, at the end of <head>
    const code = scripts[0].textContent!.replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/=>|\blet\b|\bconst\b|`|\?\.|\?\?|\bclass\b/);
  });
});
