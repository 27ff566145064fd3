/** Messages of the segmentation area. Keys start with "segmentation.". French must have exactly the same keys. */
export const en = {
  "segmentation._area": "segmentation",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "segmentation._area": "segmentation",
};
