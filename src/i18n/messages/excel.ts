/** Messages of the excel area. Keys start with "excel.". French must have exactly the same keys. */
export const en = {
  "excel._area": "excel",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "excel._area": "excel",
};
