/** Messages of the pane area. Keys start with "pane.". French must have exactly the same keys. */
export const en = {
  "pane._area": "pane",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "pane._area": "pane",
};
