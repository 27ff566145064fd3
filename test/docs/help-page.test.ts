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
