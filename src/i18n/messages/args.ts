/**
 * Messages about the arguments of a formula, shared by every custom function.
 * Keys start with "args.". French must have exactly the same keys.
 */
export const en = {
  "args.required": "The argument {arg} is required.",
  "args.notNumber": '{arg} must be a number, but it is "{found}".',
  "args.notNumberAt": '{arg} must hold numbers, but row {row} holds "{found}".',
  "args.errorAt": "{arg} holds an Excel error in row {row}; fix that cell first.",
  "args.notInteger": "{arg} must be a whole number, but it is {found}.",
  "args.notIntegerAt": "{arg} must hold whole numbers, but row {row} holds {found}.",
  "args.negative": "{arg} cannot be negative (it is {found}).",
  "args.negativeAt": "{arg} cannot be negative, but row {row} holds {found}.",
  "args.notPositive": "{arg} must be greater than zero (it is {found}).",
  "args.notFinite": "{arg} must be a finite number.",
  "args.tooLarge": "{arg} must be at most {max} (it is {found}).",
  "args.tooSmall": "{arg} must be at least {min} (it is {found}).",
  "args.rateOver100":
    "{arg} is a rate: type it as a percentage or a fraction (75% or 0.75), at most 100%. It is {found}.",
  "args.zero": "{arg} is zero, so the result would divide by zero.",
  "args.shapeMismatch":
    "{arg} has {found} rows and columns, but {other} has {expected}; give ranges of the same size (or single cells).",
  "args.lengthMismatch": "{arg} has {found} values but {other} has {expected}; the columns must have the same length.",
  "args.notColumn": "{arg} must be a single column or a single row.",
  "args.empty": "{arg} holds no values.",
  "args.notChoice": '{arg} must be one of: {choices}. It is "{found}".',
  "args.notText": "{arg} must be text.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "args.required": "L'argument {arg} est obligatoire.",
  "args.notNumber": "{arg} doit être un nombre, mais vaut « {found} ».",
  "args.notNumberAt": "{arg} doit contenir des nombres, mais la ligne {row} contient « {found} ».",
  "args.errorAt": "{arg} contient une erreur Excel à la ligne {row} : corrigez d'abord cette cellule.",
  "args.notInteger": "{arg} doit être un nombre entier, mais vaut {found}.",
  "args.notIntegerAt": "{arg} doit contenir des nombres entiers, mais la ligne {row} contient {found}.",
  "args.negative": "{arg} ne peut pas être négatif (il vaut {found}).",
  "args.negativeAt": "{arg} ne peut pas être négatif, mais la ligne {row} contient {found}.",
  "args.notPositive": "{arg} doit être strictement positif (il vaut {found}).",
  "args.notFinite": "{arg} doit être un nombre fini.",
  "args.tooLarge": "{arg} doit valoir au plus {max} (il vaut {found}).",
  "args.tooSmall": "{arg} doit valoir au moins {min} (il vaut {found}).",
  "args.rateOver100":
    "{arg} est un taux : saisissez-le en pourcentage ou en fraction (75 % ou 0,75), au plus 100 %. Il vaut {found}.",
  "args.zero": "{arg} vaut zéro : le résultat diviserait par zéro.",
  "args.shapeMismatch":
    "{arg} a {found} lignes et colonnes, mais {other} en a {expected} : donnez des plages de même taille (ou des cellules seules).",
  "args.lengthMismatch":
    "{arg} contient {found} valeurs mais {other} en contient {expected} : les colonnes doivent avoir la même longueur.",
  "args.notColumn": "{arg} doit être une seule colonne ou une seule ligne.",
  "args.empty": "{arg} ne contient aucune valeur.",
  "args.notChoice": "{arg} doit être l'une de ces valeurs : {choices}. Il vaut « {found} ».",
  "args.notText": "{arg} doit être du texte.",
};
