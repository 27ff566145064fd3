/** Messages shared by every area. Keys start with "common.". French must have exactly the same keys. */
export const en = {
  "common.productName": "Customer Value",
  "common.unexpected": "Something went wrong while computing this result: {detail}",
  "common.internalError":
    "This result could not be computed for these inputs. Check that each input is a plausible value in the expected unit; if they are, report the inputs so the formula can be fixed.",
  "common.notFinite":
    "The result is too large or too small to compute for these inputs. Check the scale of the inputs (for example a horizon or a parameter typed with extra digits).",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "common.productName": "Valeur Client",
  "common.unexpected": "Une erreur inattendue s'est produite pendant le calcul : {detail}",
  "common.internalError":
    "Ce résultat n'a pas pu être calculé pour ces entrées. Vérifiez que chaque entrée est une valeur plausible dans l'unité attendue ; si c'est le cas, signalez ces entrées pour que la formule soit corrigée.",
  "common.notFinite":
    "Le résultat est trop grand ou trop petit pour être calculé avec ces entrées. Vérifiez l'ordre de grandeur des entrées (par exemple un horizon ou un paramètre saisi avec des chiffres en trop).",
};
