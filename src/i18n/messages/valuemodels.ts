/**
 * Messages of the spend, retention and predictive-CLV models (Gamma-Gamma, BG/BB, sBG, PCLV).
 * Keys start with "valuemodels.". French must have exactly the same keys.
 */
export const en = {
  "valuemodels._area": "valuemodels",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "valuemodels._area": "valuemodels",
};
