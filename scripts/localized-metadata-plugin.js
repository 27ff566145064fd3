/**
 * Webpack side of scripts/localized-metadata.js and scripts/reference-pages.js: emits functions-fr.json next to
 * functions.json, and the function reference pages (functions.html, functions.fr.html) the functions' help links
 * open. In production (publicUrl given) every https://localhost:3000/ in these files becomes the public URL.
 * functions.json is finished with the top-level options of scripts/metadata-options.js (allowErrorForDataTypeAny).
 */
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const { localizeMetadata } = require("./localized-metadata");
const { withRuntimeOptions } = require("./metadata-options");
const { referencePages, rewriteDevUrls } = require("./reference-pages");

const ROOT = path.join(__dirname, "..");
const TRANSLATIONS = path.join(ROOT, "src", "functions", "metadata.fr.json");
const REFERENCE = { en: path.join(ROOT, "docs", "functions.md"), fr: path.join(ROOT, "docs", "functions.fr.md") };

class LocalizedMetadataPlugin {
  constructor(options) {
    this.source = options.source;
    this.publicUrl = options.publicUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(TRANSLATIONS);
      for (const file of Object.values(REFERENCE)) compilation.fileDependencies.add(file);
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.source);
          if (!asset) return; // the metadata plugin already reported why
          const english = withRuntimeOptions(JSON.parse(asset.source.source().toString()));
          const translations = JSON.parse(fs.readFileSync(TRANSLATIONS, "utf8"));
          const { metadata, missing } = localizeMetadata(english, translations);
          if (missing.length > 0) {
            compilation.warnings.push(new WebpackError(`French function metadata missing for: ${missing.join(", ")}`));
          }
          const emit = (name, text) => {
            const source = new sources.RawSource(rewriteDevUrls(text, this.publicUrl));
            if (compilation.getAsset(name)) compilation.updateAsset(name, source);
            else compilation.emitAsset(name, source);
          };
          emit(this.source, JSON.stringify(english, null, 2));
          emit("functions-fr.json", JSON.stringify(metadata, null, 2));
          const markdown = { en: fs.readFileSync(REFERENCE.en, "utf8"), fr: fs.readFileSync(REFERENCE.fr, "utf8") };
          const pages = referencePages({ markdown, metadata: { en: english, fr: metadata } });
          for (const [name, html] of Object.entries(pages)) emit(name, html);
        },
      );
    });
  }
}

module.exports = { LocalizedMetadataPlugin };
