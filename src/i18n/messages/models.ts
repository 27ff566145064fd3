/** Messages of the models area. Keys start with "models.". French must have exactly the same keys. */
export const en = {
  "models._area": "models",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "models._area": "models",
};
