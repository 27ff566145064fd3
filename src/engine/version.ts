/** The add-in's version, written on the sheets it produces so a reader knows what made them (= package.json). */
export const ADDIN_VERSION = "0.1.0";
