/** src/help.html, the page the manifest's SupportUrl and LearnMoreUrl open: static, bilingual, self-contained. */
import { readFileSync } from "fs";
import { join } from "path";

const html = readFileSync(join(__dirname, "..", "..", "src", "help.html"), "utf8");

describe("help page", () => {
  test("has no scripts and loads nothing from elsewhere", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*"(https?:)?\/\//i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  test("says the same things in English and in French", () => {
    expect(html).toContain('<section id="en">');
    expect(html).toContain('<section id="fr" lang="fr">');
    for (const text of ["=CUST.", "#NAME?", "Segment customers", "docs/"]) expect(html).toContain(text);
    for (const text of ["#NOM?", "Segmenter les clients", "VVC"]) expect(html).toContain(text);
  });

  test("every in-page link has its target", () => {
    for (const match of html.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${match[1]}"`);
  });
});

describe("function reference pages (dist/functions.html, dist/functions.fr.html)", () => {
  const { referencePages } = require("../../scripts/reference-pages");
  const { localizeMetadata } = require("../../scripts/localized-metadata");
  const root = join(__dirname, "..", "..");
  const read = (...parts: string[]) => readFileSync(join(root, ...parts), "utf8");

  async function pages(): Promise<Record<string, string>> {
    const { englishMetadata } = await import("../../scripts/make-docs");
    const english = await englishMetadata();
    const french = localizeMetadata(english, JSON.parse(read("src", "functions", "metadata.fr.json"))).metadata;
    return referencePages({
      markdown: { en: read("docs", "functions.md"), fr: read("docs", "functions.fr.md") },
      metadata: { en: english, fr: french },
    });
  }

  test("are self-contained, link to each other, and every in-page link has its target", async () => {
    const built = await pages();
    expect(Object.keys(built).sort()).toEqual(["functions.fr.html", "functions.html"]);
    for (const [name, page] of Object.entries(built)) {
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/\b(src|href)\s*=\s*"(https?:)?\/\//i);
      expect(page).toContain(`<html lang="${name === "functions.html" ? "en" : "fr"}">`);
      expect(page).toContain(`href="${name === "functions.html" ? "functions.fr.html" : "functions.html"}"`);
      for (const match of page.matchAll(/href="#([^"]+)"/g)) expect(page).toContain(`id="${match[1]}"`);
      // Markdown that was not converted would show as raw text.
      expect(page).not.toMatch(/\*\*|\]\(|^\s*\|/m);
    }
    expect(built["functions.fr.html"]).toContain('<span id="CLV"></span>CUST.VVC</h2>');
    expect(built["functions.html"]).toMatch(/<table>\n<thead><tr><th>Argument<\/th>/);
  }, 60000);
});
