/**
 * Builds the French custom-functions metadata (functions-fr.json) from the English functions.json
 * that custom-functions-metadata-plugin generates, and the translations in src/functions/metadata.fr.json.
 * Function ids never change (cells store them); names, descriptions and parameter help are translated, and a
 * help link to the English reference page (functions.html#ID) becomes the French page's (functions.fr.html#ID).
 */
const { frenchHelpUrl } = require("./reference-pages");

function localizeMetadata(metadata, translations) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const entry = translations[fn.id];
    if (!entry) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = (fn.parameters || []).map((parameter) => {
      const translated = entry.parameters && entry.parameters[parameter.name];
      if (!translated) {
        missing.push(`${fn.id}(${parameter.name})`);
        return parameter;
      }
      return { ...parameter, name: translated.name || parameter.name, description: translated.description };
    });
    if (!entry.description) missing.push(`${fn.id} description`);
    return {
      ...fn,
      name: entry.name || fn.name,
      description: entry.description || fn.description,
      parameters,
      ...(fn.helpUrl ? { helpUrl: frenchHelpUrl(fn.helpUrl) } : {}),
      ...(fn.result && entry.result ? { result: { ...fn.result } } : {}),
    };
  });
  return { metadata: { ...metadata, functions }, missing };
}

module.exports = { localizeMetadata };
