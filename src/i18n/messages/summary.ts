/** Messages of the summary area. Keys start with "summary.". French must have exactly the same keys. */
export const en = {
  "summary._area": "summary",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "summary._area": "summary",
};
