/**
 * Per-row messages that name the cell ("Sheet1!D7") instead of the row within the range, for the functions Excel
 * gives their arguments' addresses (@requiresParameterAddresses, CustomFunctionsRuntime 1.5). Each mirrors an
 * "...At" message of args.ts or history.ts, with {cell} in place of the row. French must have exactly the same keys.
 */
export const en = {
  "cells.notNumber": "{arg} must hold numbers, but {cell} holds {found}.",
  "cells.error": "{arg} holds the error {code} in {cell}; fix that cell first.",
  "cells.blank": "{arg} is blank in {cell}, where other arguments have values: fill that cell, or clear the row.",
  "cells.notInteger": "{arg} must hold whole numbers, but {cell} holds {found}.",
  "cells.negative": "{arg} cannot be negative, but {cell} holds {found}.",
  "cells.notPositive": "{arg} must be greater than zero, but {cell} holds {found}.",
  "cells.notFinite": "{arg} must hold finite numbers ({cell}).",
  "cells.tooLarge": "{arg} must be at most {max}, but {cell} holds {found}.",
  "cells.tooSmall": "{arg} must be at least {min}, but {cell} holds {found}.",
  "cells.rateOver100":
    "{arg} is a rate: type it as a percentage or a fraction (75% or 0.75), at most 100%. {cell} holds {found}.",
  "cells.recencyAfterAge":
    "recency cannot exceed T (the customer's age): {cell} has recency {recency} and T {age}. Check that both use the same time unit.",
  "cells.recencyWithoutPurchase":
    "recency must be 0 when frequency is 0 (no repeat purchase, so no time between first and last), but {cell} holds {found}.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "cells.notNumber": "{arg} doit contenir des nombres, mais la cellule {cell} contient {found}.",
  "cells.error": "{arg} contient l'erreur {code} en {cell} : corrigez d'abord cette cellule.",
  "cells.blank":
    "{arg} est vide en {cell}, où d'autres arguments ont des valeurs : remplissez cette cellule, ou videz la ligne.",
  "cells.notInteger": "{arg} doit contenir des nombres entiers, mais la cellule {cell} contient {found}.",
  "cells.negative": "{arg} ne peut pas être négatif, mais la cellule {cell} contient {found}.",
  "cells.notPositive": "{arg} doit être strictement positif, mais la cellule {cell} contient {found}.",
  "cells.notFinite": "{arg} doit contenir des nombres finis (cellule {cell}).",
  "cells.tooLarge": "{arg} doit valoir au plus {max}, mais la cellule {cell} contient {found}.",
  "cells.tooSmall": "{arg} doit valoir au moins {min}, mais la cellule {cell} contient {found}.",
  "cells.rateOver100":
    "{arg} est un taux : saisissez-le en pourcentage ou en fraction (75 % ou 0,75), au plus 100 %. La cellule {cell} contient {found}.",
  "cells.recencyAfterAge":
    "recency ne peut pas dépasser T (l'ancienneté du client) : la cellule {cell} a recency {recency} et T {age}. Vérifiez que les deux sont dans la même unité de temps.",
  "cells.recencyWithoutPurchase":
    "recency doit valoir 0 quand frequency vaut 0 (aucun réachat, donc aucun temps entre le premier et le dernier achat), mais la cellule {cell} contient {found}.",
};
