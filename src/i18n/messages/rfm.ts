/** Messages of the rfm area. Keys start with "rfm.". French must have exactly the same keys. */
export const en = {
  "rfm._area": "rfm",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "rfm._area": "rfm",
};
