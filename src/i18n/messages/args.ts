/**
 * Messages about the arguments of a formula, shared by every custom function.
 * Keys start with "args.". French must have exactly the same keys.
 * {found} is a cell as describeCell (src/functions/args.ts) shows it: the text "abc", 1E+300, a blank cell, the error #N/A.
 */
export const en = {
  "args.required": "The argument {arg} is required.",
  "args.notNumber": "{arg} must be a number, but it is {found}.",
  "args.notNumberAt": "{arg} must hold numbers, but row {row} holds {found}.",
  "args.errorIn": "{arg} is the error {code}; fix that cell first.",
  "args.errorAt": "{arg} holds the error {code} in row {row}; fix that cell first.",
  "args.blankAt": "{arg} is blank in row {row}, where other arguments have values: fill that cell, or clear the row.",
  "args.notInteger": "{arg} must be a whole number, but it is {found}.",
  "args.notIntegerAt": "{arg} must hold whole numbers, but row {row} holds {found}.",
  "args.negative": "{arg} cannot be negative (it is {found}).",
  "args.negativeAt": "{arg} cannot be negative, but row {row} holds {found}.",
  "args.notPositive": "{arg} must be greater than zero (it is {found}).",
  "args.notPositiveAt": "{arg} must be greater than zero, but row {row} holds {found}.",
  "args.notFinite": "{arg} must be a finite number.",
  "args.notFiniteAt": "{arg} must hold finite numbers (row {row}).",
  "args.tooLarge": "{arg} must be at most {max} (it is {found}).",
  "args.tooLargeAt": "{arg} must be at most {max}, but row {row} holds {found}.",
  "args.tooSmall": "{arg} must be at least {min} (it is {found}).",
  "args.tooSmallAt": "{arg} must be at least {min}, but row {row} holds {found}.",
  "args.rateOver100":
    "{arg} is a rate: type it as a percentage or a fraction (75% or 0.75), at most 100%. It is {found}.",
  "args.rateOver100At":
    "{arg} is a rate: type it as a percentage or a fraction (75% or 0.75), at most 100%. Row {row} holds {found}.",
  "args.zero": "{arg} is zero, so the result would divide by zero.",
  "args.columnsMismatch":
    "{arg} has {found} columns but {other} has {expected}. Ranges combine as in Excel's array arithmetic: give ranges of the same width, a single column (used in every column), a single row (used in every row) or a single cell.",
  "args.rangeTooShort":
    "{arg} has {found} rows but {other} has values down to row {expected}: extend {arg} to the same rows, or give a single cell to use it for every row.",
  "args.allBlank": "Every cell of {args} is blank: there is nothing to compute.",
  "args.resultOverflow": "The result is too large for Excel (beyond ±1.8E+308): check the inputs' units and size.",
  "args.resultUndefined": "These inputs give no defined result: check them for extreme values.",
  "args.lengthMismatch": "{arg} has {found} values but {other} has {expected}; the columns must have the same length.",
  "args.notColumn": "{arg} must be a single column or a single row.",
  "args.notSingle": "{arg} takes a single value, not a range of several cells.",
  "args.empty": "{arg} holds no values.",
  "args.notChoice": "{arg} must be one of: {choices}. It is {found}.",
  "args.notText": "{arg} must be text, but it is {found}.",
  "args.cell.blank": "a blank cell",
  "args.cell.error": "the error {code}",
  "args.cell.text": 'the text "{text}"',
  "args.cell.true": "TRUE",
  "args.cell.false": "FALSE",
  "args.cell.number": "{value}",
  "args.cell.range": "a range",
  "args.cell.other": "a value of another kind (a data type)",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "args.required": "L'argument {arg} est obligatoire.",
  "args.notNumber": "{arg} doit être un nombre, mais c'est {found}.",
  "args.notNumberAt": "{arg} doit contenir des nombres, mais la ligne {row} contient {found}.",
  "args.errorIn": "{arg} est l'erreur {code} : corrigez d'abord cette cellule.",
  "args.errorAt": "{arg} contient l'erreur {code} à la ligne {row} : corrigez d'abord cette cellule.",
  "args.blankAt":
    "{arg} est vide à la ligne {row}, où d'autres arguments ont des valeurs : remplissez cette cellule, ou videz la ligne.",
  "args.notInteger": "{arg} doit être un nombre entier, mais vaut {found}.",
  "args.notIntegerAt": "{arg} doit contenir des nombres entiers, mais la ligne {row} contient {found}.",
  "args.negative": "{arg} ne peut pas être négatif (il vaut {found}).",
  "args.negativeAt": "{arg} ne peut pas être négatif, mais la ligne {row} contient {found}.",
  "args.notPositive": "{arg} doit être strictement positif (il vaut {found}).",
  "args.notPositiveAt": "{arg} doit être strictement positif, mais la ligne {row} contient {found}.",
  "args.notFinite": "{arg} doit être un nombre fini.",
  "args.notFiniteAt": "{arg} doit contenir des nombres finis (ligne {row}).",
  "args.tooLarge": "{arg} doit valoir au plus {max} (il vaut {found}).",
  "args.tooLargeAt": "{arg} doit valoir au plus {max}, mais la ligne {row} contient {found}.",
  "args.tooSmall": "{arg} doit valoir au moins {min} (il vaut {found}).",
  "args.tooSmallAt": "{arg} doit valoir au moins {min}, mais la ligne {row} contient {found}.",
  "args.rateOver100":
    "{arg} est un taux : saisissez-le en pourcentage ou en fraction (75 % ou 0,75), au plus 100 %. Il vaut {found}.",
  "args.rateOver100At":
    "{arg} est un taux : saisissez-le en pourcentage ou en fraction (75 % ou 0,75), au plus 100 %. La ligne {row} contient {found}.",
  "args.zero": "{arg} vaut zéro : le résultat diviserait par zéro.",
  "args.columnsMismatch":
    "{arg} a {found} colonnes mais {other} en a {expected}. Les plages se combinent comme dans les calculs matriciels d'Excel : donnez des plages de même largeur, une seule colonne (utilisée dans chaque colonne), une seule ligne (utilisée dans chaque ligne) ou une seule cellule.",
  "args.rangeTooShort":
    "{arg} a {found} lignes mais {other} a des valeurs jusqu'à la ligne {expected} : étendez {arg} aux mêmes lignes, ou donnez une seule cellule pour l'utiliser à chaque ligne.",
  "args.allBlank": "Toutes les cellules de {args} sont vides : il n'y a rien à calculer.",
  "args.resultOverflow":
    "Le résultat est trop grand pour Excel (au-delà de ±1,8E+308) : vérifiez les unités et l'ordre de grandeur des données.",
  "args.resultUndefined": "Ces données ne donnent pas de résultat défini : vérifiez les valeurs extrêmes.",
  "args.lengthMismatch":
    "{arg} contient {found} valeurs mais {other} en contient {expected} : les colonnes doivent avoir la même longueur.",
  "args.notColumn": "{arg} doit être une seule colonne ou une seule ligne.",
  "args.notSingle": "{arg} prend une seule valeur, pas une plage de plusieurs cellules.",
  "args.empty": "{arg} ne contient aucune valeur.",
  "args.notChoice": "{arg} doit être l'une de ces valeurs : {choices}. C'est {found}.",
  "args.notText": "{arg} doit être du texte, mais c'est {found}.",
  "args.cell.blank": "une cellule vide",
  "args.cell.error": "l'erreur {code}",
  "args.cell.text": "le texte « {text} »",
  "args.cell.true": "VRAI",
  "args.cell.false": "FAUX",
  "args.cell.number": "{value}",
  "args.cell.range": "une plage",
  "args.cell.other": "une valeur d'un autre type (un type de données)",
} as const;
