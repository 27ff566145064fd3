/**
 * Webpack side of scripts/localized-metadata.js: finishes functions.json with the top-level options of
 * scripts/metadata-options.js and emits functions-fr.json next to it.
 */
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const { localizeMetadata } = require("./localized-metadata");
const { withRuntimeOptions } = require("./metadata-options");

const TRANSLATIONS = path.join(__dirname, "..", "src", "functions", "metadata.fr.json");

class LocalizedMetadataPlugin {
  constructor(options) {
    this.source = options.source;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(TRANSLATIONS);
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.source);
          if (!asset) return; // the metadata plugin already reported why
          const translations = JSON.parse(fs.readFileSync(TRANSLATIONS, "utf8"));
          const english = withRuntimeOptions(JSON.parse(asset.source.source().toString()));
          compilation.updateAsset(this.source, new sources.RawSource(JSON.stringify(english, null, 4)));
          const { metadata, missing } = localizeMetadata(english, translations);
          if (missing.length > 0) {
            compilation.warnings.push(new WebpackError(`French function metadata missing for: ${missing.join(", ")}`));
          }
          compilation.emitAsset("functions-fr.json", new sources.RawSource(JSON.stringify(metadata, null, 2)));
        }
      );
    });
  }
}

module.exports = { LocalizedMetadataPlugin };
