/** Messages of the workbench area. Keys start with "workbench.". French must have exactly the same keys. */
export const en = {
  "workbench._area": "workbench",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "workbench._area": "workbench",
};
