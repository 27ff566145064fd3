/** Messages shared by every area. Keys start with "common.". French must have exactly the same keys. */
export const en = {
  "common.productName": "Customer Value",
  "common.unexpected": "Something went wrong while computing this result: {detail}",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "common.productName": "Valeur Client",
  "common.unexpected": "Une erreur inattendue s'est produite pendant le calcul : {detail}",
};
