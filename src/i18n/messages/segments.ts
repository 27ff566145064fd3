/** Messages of the segments area. Keys start with "segments.". French must have exactly the same keys. */
export const en = {
  "segments._area": "segments",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "segments._area": "segments",
};
