/**
 * Writes the function reference, docs/functions.md (English) and docs/functions.fr.md (French), from the
 * functions' metadata (the JSDoc Excel reads, and src/functions/metadata.fr.json) and the worked examples in
 * src/functions/examples.ts. Error messages are produced by running the functions, in each language.
 * Run: node --import tsx scripts/make-docs.ts
 * test/docs/docs.test.ts regenerates both files in memory and fails when the committed ones are stale.
 */
import "../src/functions/install-shim";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  exampleFunctionId,
  examplesFor,
  ExpectedResult,
  FunctionExample,
  isExpectedError,
} from "../src/functions/examples";
import { setFunctionsLocale } from "../src/functions/locale";
import { SEGMENT_SCORE_MAX, segmentOf } from "../src/engine/rfm/segments";
import { formatNumber, Locale, MessageKey, t } from "../src/i18n";
import { FormulaArgument as InvokerArgument, invoke, isShownError } from "../src/workbench/excel-invoker";

const { functionModules } = require("./function-modules") as { functionModules: () => string[] };
const { localizeMetadata } = require("./localized-metadata") as {
  localizeMetadata: (metadata: FunctionsMetadata, translations: unknown) => { metadata: FunctionsMetadata };
};
const { withRuntimeOptions } = require("./metadata-options") as {
  withRuntimeOptions: (metadata: FunctionsMetadata) => FunctionsMetadata;
};

export const ROOT = join(__dirname, "..");

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
  /** With requiresParameterAddresses, Excel passes the arguments' addresses (src/functions/cell-address.ts). */
  options?: { requiresParameterAddresses?: boolean };
}
export interface FunctionsMetadata {
  /** Error cells reach `any` parameters (scripts/metadata-options.js). */
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

/** The functions.json the build generates, from the same modules, finished with the same top-level options. */
export async function englishMetadata(): Promise<FunctionsMetadata> {
  const files = functionModules().map((file) => join(ROOT, file));
  const result = await generateCustomFunctionsMetadata(files, true);
  if (result.errors.length > 0) throw new Error(`Function metadata errors:\n${result.errors.join("\n")}`);
  return withRuntimeOptions(JSON.parse(result.metadataJson) as FunctionsMetadata);
}

/** The functions-fr.json the build generates from the English metadata and metadata.fr.json. */
export function frenchMetadata(english: FunctionsMetadata): FunctionsMetadata {
  const translations: unknown = JSON.parse(readFileSync(join(ROOT, "src", "functions", "metadata.fr.json"), "utf8"));
  return localizeMetadata(english, translations).metadata;
}

export type CustomFunction = (...args: unknown[]) => unknown;

/** Each registered function's code, by id: the export that follows its @customfunction tag. */
export function functionImplementations(): Map<string, CustomFunction> {
  const implementations = new Map<string, CustomFunction>();
  for (const file of functionModules()) {
    const source = readFileSync(join(ROOT, file), "utf8");
    const loaded = require(join(ROOT, file)) as Record<string, unknown>;
    for (const match of source.matchAll(/@customfunction\s+([A-Z][A-Z0-9._]*)[\s\S]*?export function (\w+)/g)) {
      const fn = loaded[match[2]];
      if (typeof fn === "function") implementations.set(match[1], fn as CustomFunction);
    }
  }
  return implementations;
}

/**
 * The outcome of running an example as a cell shows it: its values (per-cell errors as { error, message }), or the
 * error code and the message Excel shows for it ("" for #NUM! and #DIV/0!, which show none).
 */
export type Outcome = { value: unknown[][] } | { code: string; message: string };

/** Calls a function through the Excel-faithful invoker (src/workbench/excel-invoker.ts), in `locale`. */
export function runExample(
  fn: CustomFunction,
  example: FunctionExample,
  metadata: FunctionMetadata,
  locale: Locale,
  allowErrors = true,
): Outcome {
  setFunctionsLocale(locale);
  try {
    const { cells } = invoke(fn, metadata, example.args as InvokerArgument[], { allowErrors });
    const only = cells.length === 1 && cells[0].length === 1 ? cells[0][0] : null;
    if (isShownError(only)) return { code: only.error, message: only.message };
    return { value: cells };
  } finally {
    setFunctionsLocale(null);
  }
}

/** A formula argument as written: a number, text, TRUE/FALSE, a range, or nothing. */
export type FormulaArgument =
  | { kind: "empty" }
  | { kind: "number"; value: number; text: string }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "range"; text: string; rows: number; columns: number };

const columnNumber = (letters: string) => [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);

/** Splits "=CUST.X(a, "b, c", 3)" into its top-level arguments and reads each one. */
export function parseFormulaArguments(formula: string): FormulaArgument[] {
  const open = formula.indexOf("(");
  if (open < 0 || !formula.endsWith(")")) throw new Error(`Not a function call: ${formula}`);
  const inner = formula.slice(open + 1, -1);
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of inner) {
    if (char === '"') quoted = !quoted;
    if (char === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  if (parts.length === 1 && parts[0].trim() === "") return [];
  return parts.map((part) => readArgument(part.trim()));
}

function readArgument(text: string): FormulaArgument {
  if (text === "") return { kind: "empty" };
  const string = /^"(.*)"$/.exec(text);
  if (string) return { kind: "text", value: string[1] };
  if (/^(TRUE|FALSE)$/.test(text)) return { kind: "boolean", value: text === "TRUE" };
  const number = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(text);
  if (number) return { kind: "number", value: Number(number[1]) / (number[2] ? 100 : 1), text };
  const range = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(text);
  if (range) {
    return {
      kind: "range",
      text,
      rows: Number(range[4]) - Number(range[2]) + 1,
      columns: columnNumber(range[3]) - columnNumber(range[1]) + 1,
    };
  }
  throw new Error(`Unsupported formula argument: ${text}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

interface Texts {
  title: string;
  other: string;
  generated: string;
  intro: string;
  /** "How arguments and errors work": the shape rule, blanks, lifting and the error policy. */
  rules: string[];
  contents: string;
  functionColumn: string;
  summaryColumn: string;
  syntax: string;
  argument: string;
  optional: string;
  help: string;
  yes: string;
  no: string;
  examples: string;
  errors: string;
  holds: string;
  firstRows: string;
  column: string;
  alsoCalled: string;
  colon: string;
  segmentMap: string;
  segmentMapIntro: string;
  covariates: string;
  covariatesBody: readonly string[];
}

const TEXTS: Record<Locale, Texts> = {
  en: {
    title: "Function reference",
    other: "[Version française](functions.fr.md)",
    generated:
      "Generated by `node --import tsx scripts/make-docs.ts` from the functions' metadata and `src/functions/examples.ts`; every example below is run by `test/functions/examples.test.ts`. Do not edit by hand.",
    intro:
      "Type `=CUST.` in a cell to list the functions. Arguments in [brackets] are optional: leave them out, or leave them empty between commas. Numbers may be single cells or ranges; a range gives a spilled range of results. Percentages can be typed as 40% or 0.4.",
    rules: [
      "## How arguments and errors work",
      "",
      "**One shape rule for every function.** Each argument that describes customers or periods (a basket, a frequency, T…) may be a single cell or a range. A single cell is used for every row. A range is read row by row, always — even when only its first cell is filled. Whole-column references such as `B2:B100000` are cut once, after the last row where any of these ranges has a value. A row blank in every range gives a blank result; a row where one range is blank and another is not gives an error in that row that names the argument and the row (`recency is blank in row 7`), never a default or another row's value. A range that stops before the others' last value is an error naming it. When every cell is blank, the result is `#N/A` saying there is nothing to compute.",
      "",
      "**Grids in one formula.** Ranges combine as Excel's own array arithmetic does (`=A2:A12*B1:F1`): a single row is used in every row, a single column in every column, and ranges of the same size are read cell by cell. So a column of frequencies and a row of recencies give a frequency × recency table — `=CUST.PALIVE(A2:B6, C2:C12, D1:N1, 52)` is a P(alive) heatmap, `=CUST.PURCHASES(A2:B6, 52, C2:C12, D1:N1, 52)` the expected purchases — and a column of horizons gives a curve (`=CUST.PURCHASES(A2:B6, C2:C5, 2, 30, 39)`), a row of horizons with columns of customers one curve per customer (`=CUST.PURCHASES(A2:B6, F1:H1, C2:C99, D2:D99, E2:E99)`). A whole row (`D1:XFD1`) is cut after its last value, as whole columns are. Each cell is what the function gives for that cell's values alone: a bad value gives an error in the cells that use it, naming its row and column within its argument (`row 1, column 12 has recency 55 and T 52`), or its cell (`Sheet1!N1`) where Excel gives the addresses. Widths that do not combine (3 columns with 5) are `#VALUE!` saying which shapes do, and a grid larger than all its arguments has at most 1,048,576 cells. Functions that need one column of customers (CUST.FIT, CUST.HOLDOUTCHECK, CUST.LOGLIK, CUST.FORECAST, CUST.PCLVRANGE) refuse a grid, naming the argument that is a row.",
      "",
      "**One error in one row.** An Excel error in an input cell (a `#N/A` from a lookup, say) gives an error in that row only, naming the cell; the other rows compute. Functions that need every row at once (CUST.FIT, CUST.SUMMARY, CUST.EQUITY, CUST.HOLDOUTCHECK, CUST.RFM…) stop with a message naming the row instead. A `#N/A` stays `#N/A`, so `IFNA` still works; any other input error becomes `#VALUE!` with the cell it came from.",
      "",
      "**Errors that say what to fix.** Excel shows a function's message only with `#VALUE!` and `#N/A` (hover the cell's warning icon, or the error's tooltip). So every input problem is `#VALUE!` with a message that says what to change, in Excel's language — `#N/A` where there is nothing to compute. No function returns `#NUM!` or `#DIV/0!` with an explanation (Excel would drop it). Messages name the cell at fault (`Sheet1!D7`, with its column in a range of several columns) where Excel gives a function its arguments' addresses (Excel on the web and recent Microsoft 365 builds), and the row within the range elsewhere (`row 7`); they tell text from numbers, blanks and errors apart (`the text \"2.5\"`, `a blank cell`, `the error #N/A`) and write numbers as Excel does (`1E+300`). In French Excel a number typed as text may use a decimal comma (`0,5` in a covariate cell, `penalty=0,01` in CUST.FIT's options).",
      "",
      '**Blank or zero.** Excel on the web and recent Excel for Windows and Mac pass an empty cell as a blank; older desktop builds pass it as 0, which a function cannot tell from a typed 0. Where 0 has no meaning, a 0 is read as blank on every platform: CUST.CLV\'s `retention` (a blank or 0 retention means "not given": it never switches the method). Elsewhere 0 is a value (a frequency of 0, a margin of 0%); on older desktop builds a blank cell there counts as 0, so fill or clear such cells rather than leaving them empty.',
      "",
      "**A range where one value is expected.** An argument that takes one value (a method, `months`) given a range of several cells makes Excel call the function once per cell and spill the results, as it does for its own functions; each call's result is reduced to its first cell. Some arguments that look like one value are ranges instead, read row by row with the customers: the horizon `t` of CUST.PALIVE, CUST.PURCHASES and CUST.PBUY (as above), the renewals of CUST.DERL and the n and t of CUST.PNPURCHASES. So `=CUST.DERL(A2:B4, {0;1;2}, 10%)` gives an sBG subscriber's discounted residual lifetime per number of renewals, in one call whose messages name the row.",
      "",
      '**Numbers in text.** A number stored as text (`"12.5"`, `"75%"`) is read as the number; in text options such as `"penalty=0,01"` a decimal comma works too.',
      "",
    ],
    contents: "Functions",
    functionColumn: "Function",
    summaryColumn: "What it gives",
    syntax: "Syntax",
    argument: "Argument",
    optional: "Optional",
    help: "Help",
    yes: "yes",
    no: "no",
    examples: "Examples",
    errors: "Error cases",
    holds: "holds",
    firstRows: "(first rows of the result)",
    column: "Column",
    alsoCalled: "In French Excel",
    colon: ":",
    segmentMap: "The segment map",
    segmentMapIntro:
      "Each of the 25 (R, F) cells belongs to exactly one segment; M does not change the segment. Rows: R score (5 = bought most recently); columns: F score (5 = buys most often).",
    covariates: "Covariates: reading the coefficients",
    covariatesBody: [
      "With `purchase_covariates` and `dropout_covariates` (pnbd and bgnbd), each customer's own row of numbers shifts the model's parameters, as CLVTools defines it: the table gains one coefficient per covariate and process, labelled `purchase.<header>` and `dropout.<header>`, with its standard error in `se_purchase.<header>` and `se_dropout.<header>`.",
      "",
      "- **Purchase coefficient γ**: a customer whose covariate is 1 higher buys **e^γ times as often** (the purchase rate's scale α becomes α·e^(−γ·z)). Example: `purchase.Channel` = 0.62 with Channel = 1 for offline: customers from the offline channel buy e^0.62 = 1.9× as often as online ones. A negative coefficient means less often: −0.3 gives 0.74×.",
      "- **Drop-out coefficient γ, pnbd**: a customer whose covariate is 1 higher **leaves e^γ times as fast** (the drop-out rate's scale β becomes β·e^(−γ·z)), so stays on average e^(−γ) times as long. `dropout.Channel` = 0.79: offline customers leave 2.2× as fast.",
      "- **Drop-out coefficient γ, bgnbd**: both parameters of the drop-out probability are multiplied by e^(γ·z) (a·e^(γz), b·e^(γz)): the average chance of leaving after a purchase, a/(a+b), stays the same; a positive coefficient makes those customers more alike in it, a negative one more varied. Read it as a difference in spread, not in level.",
      "- **How sure**: a coefficient more than about twice its standard error away from 0 is unlikely to be chance (95 % level). With few customers in a group the standard error is large: do not act on the coefficient alone.",
      "- **Bounds**: at most 10 covariates per process and 256 different covariate rows (combinations of values) in CUST.FIT, so a fit on 100,000 customers takes at most about 15 s of computing for pnbd and 1 to 2 s for bgnbd (each distinct row is a group with its own likelihood terms). Band a numeric covariate (age in decades) rather than giving every customer their own value.",
      "- **Coding**: covariates are numbers. Code a category with k values as k − 1 columns of 0/1 (e.g. Channel = 1 for offline, 0 for online): each coefficient compares with the category left out. A numeric covariate (age, first basket) acts per unit: scale it so that 1 means something (age in decades).",
      "- **Predictions**: CUST.PALIVE, CUST.CHURNRISK, CUST.PURCHASES, CUST.PBUY, CUST.PNPURCHASES, CUST.DERT, CUST.LOGLIK, CUST.TRACKING, CUST.PCLV, CUST.FORECAST and CUST.HOLDOUTCHECK end with the same two arguments, `purchase_covariates` and `dropout_covariates`: the customers' values in the columns the table was fitted with (with their header, in any order, or without header in the fit's order), one row per customer, or one row for all. Each customer is then predicted with their own scales. A table with coefficients given without them is `#VALUE!` asking for them: its base parameters alone describe no customer. For a new customer (CUST.PURCHASES without a history, CUST.PNPURCHASES) give one row per profile; CUST.FORECAST's new customers take the current customers' mix. CUST.PCLVRANGE and CUST.FORECAST's ranges do not take covariates yet (their draws of the parameters do not cover the coefficients) and say so.",
      "",
      "Sources: CLVTools (Bachmann, Meierer, Näf et al.; `src/pnbd.cpp`, `src/bgnbd.cpp`, static covariates); Fader & Hardie (2007), *Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD models*, note 019.",
    ],
  },
  fr: {
    title: "Référence des fonctions",
    other: "[English version](functions.md)",
    generated:
      "Généré par `node --import tsx scripts/make-docs.ts` à partir des métadonnées des fonctions et de `src/functions/examples.ts` ; chaque exemple ci-dessous est exécuté par `test/functions/examples.test.ts`. Ne pas modifier à la main.",
    intro:
      "Tapez `=CUST.` dans une cellule pour lister les fonctions. Les arguments entre [crochets] sont facultatifs : omettez-les, ou laissez-les vides entre deux points-virgules. Les nombres peuvent être des cellules ou des plages ; une plage renvoie une plage de résultats. Les pourcentages se tapent 40 % ou 0,4. Dans Excel en français, les arguments sont séparés par des points-virgules.",
    rules: [
      "## Comment les arguments et les erreurs fonctionnent",
      "",
      "**Une seule règle de forme pour toutes les fonctions.** Chaque argument qui décrit des clients ou des périodes (un panier, une fréquence, T…) peut être une cellule ou une plage. Une cellule seule sert à chaque ligne. Une plage est lue ligne par ligne, toujours — même si seule sa première cellule est remplie. Les références à des colonnes entières comme `B2:B100000` sont coupées une fois, après la dernière ligne où l'une de ces plages a une valeur. Une ligne vide dans toutes les plages donne un résultat vide ; une ligne où une plage est vide et une autre non donne, sur cette ligne, une erreur qui nomme l'argument et la ligne (`recency est vide à la ligne 7`), jamais une valeur par défaut ni celle d'une autre ligne. Une plage qui s'arrête avant la dernière valeur des autres est une erreur qui la nomme. Si toutes les cellules sont vides, le résultat est `#N/A`, qui dit qu'il n'y a rien à calculer.",
      "",
      "**Des grilles en une formule.** Les plages se combinent comme dans les calculs matriciels d'Excel (`=A2:A12*B1:F1`) : une seule ligne sert à chaque ligne, une seule colonne à chaque colonne, et des plages de même taille sont lues cellule par cellule. Une colonne de fréquences et une ligne de récences donnent donc un tableau fréquence × récence — `=CUST.PALIVE(A2:B6; C2:C12; D1:N1; 52)` est une carte de chaleur de P(alive), `=CUST.PURCHASES(A2:B6; 52; C2:C12; D1:N1; 52)` celle des achats attendus — et une colonne d'horizons donne une courbe (`=CUST.PURCHASES(A2:B6; C2:C5; 2; 30; 39)`), une ligne d'horizons avec des colonnes de clients une courbe par client (`=CUST.PURCHASES(A2:B6; F1:H1; C2:C99; D2:D99; E2:E99)`). Une ligne entière (`D1:XFD1`) est coupée après sa dernière valeur, comme les colonnes entières. Chaque cellule est ce que la fonction donne pour les seules valeurs de cette cellule : une valeur incorrecte donne une erreur dans les cellules qui l'utilisent, qui nomme sa ligne et sa colonne dans son argument (`la ligne 1, colonne 12 a recency 55 et T 52`), ou sa cellule (`Feuil1!N1`) là où Excel donne les adresses. Des largeurs qui ne se combinent pas (3 colonnes avec 5) donnent `#VALUE!`, qui dit quelles formes conviennent, et une grille plus grande que tous ses arguments a au plus 1 048 576 cellules. Les fonctions qui ont besoin d'une seule colonne de clients (CUST.FIT, CUST.HOLDOUTCHECK, CUST.LOGLIK, CUST.FORECAST, CUST.PCLVRANGE) refusent une grille et nomment l'argument qui est une ligne.",
      "",
      "**Une erreur sur une ligne.** Une erreur Excel dans une cellule d'entrée (un `#N/A` venu d'une recherche, par exemple) donne une erreur sur cette ligne seulement, qui nomme la cellule ; les autres lignes sont calculées. Les fonctions qui ont besoin de toutes les lignes à la fois (CUST.FIT, CUST.SUMMARY, CUST.EQUITY, CUST.HOLDOUTCHECK, CUST.RFM…) s'arrêtent avec un message qui nomme la ligne. Un `#N/A` reste `#N/A`, pour que `SIERREUR.NA` (`IFNA`) fonctionne ; toute autre erreur d'entrée devient `#VALUE!` avec la cellule d'où elle vient.",
      "",
      "**Des erreurs qui disent quoi corriger.** Excel n'affiche le message d'une fonction qu'avec `#VALUE!` et `#N/A` (survolez l'icône d'avertissement de la cellule). Chaque problème d'entrée est donc `#VALUE!` avec un message qui dit quoi changer, dans la langue d'Excel — `#N/A` quand il n'y a rien à calculer. Aucune fonction ne renvoie `#NUM!` ou `#DIV/0!` avec une explication (Excel la perdrait). Les messages nomment la cellule en cause (`Feuil1!D7`, avec sa colonne dans une plage de plusieurs colonnes) là où Excel donne à une fonction l'adresse de ses arguments (Excel pour le web et les versions récentes de Microsoft 365), et la ligne dans la plage ailleurs (`ligne 7`) ; ils distinguent le texte des nombres, des cellules vides et des erreurs (`le texte « 2,5 »`, `une cellule vide`, `l'erreur #N/A`) et écrivent les nombres comme Excel (`1E+300`). Dans Excel en français, un nombre saisi comme texte peut avoir une virgule décimale (`0,5` dans une cellule de covariable, `penalty=0,01` dans les options de CUST.FIT).",
      "",
      "**Vide ou zéro.** Excel pour le web et les versions récentes d'Excel pour Windows et Mac transmettent une cellule vide comme vide ; des versions de bureau plus anciennes la transmettent comme 0, qu'une fonction ne peut pas distinguer d'un 0 saisi. Là où 0 n'a pas de sens, un 0 est lu comme vide sur toutes les plateformes : le `retention` de CUST.CLV (une rétention vide ou nulle veut dire « non donnée » : elle ne change jamais la méthode). Ailleurs 0 est une valeur (une fréquence de 0, une marge de 0 %) ; sur les anciennes versions de bureau, une cellule vide y compte pour 0 : remplissez ou effacez ces cellules plutôt que de les laisser vides.",
      "",
      "**Une plage là où une seule valeur est attendue.** Un argument qui prend une seule valeur (une méthode, `months`) et reçoit une plage de plusieurs cellules fait appeler la fonction une fois par cellule par Excel, qui répartit les résultats, comme pour ses propres fonctions ; le résultat de chaque appel est réduit à sa première cellule. Certains arguments qui semblent n'attendre qu'une valeur sont des plages, lues ligne par ligne avec les clients : l'horizon `t` de CUST.PALIVE, CUST.PURCHASES et CUST.PBUY (voir ci-dessus), les renouvellements de CUST.DERL, n et t de CUST.PNPURCHASES. Ainsi `=CUST.DERL(A2:B4; {0;1;2}; 10 %)` donne la durée de vie résiduelle actualisée d'un abonné sBG pour chaque nombre de renouvellements, en un seul appel dont les messages nomment la ligne.",
      "",
      '**Des nombres dans du texte.** Un nombre stocké comme texte (`"12,5"`, `"75 %"`) est lu comme ce nombre ; dans les options en texte comme `"penalty=0,01"`, la virgule décimale fonctionne aussi.',
      "",
    ],
    contents: "Fonctions",
    functionColumn: "Fonction",
    summaryColumn: "Ce qu'elle donne",
    syntax: "Syntaxe",
    argument: "Argument",
    optional: "Facultatif",
    help: "Aide",
    yes: "oui",
    no: "non",
    examples: "Exemples",
    errors: "Cas d'erreur",
    holds: "contient",
    firstRows: "(premières lignes du résultat)",
    column: "Colonne",
    alsoCalled: "Dans Excel en anglais",
    colon: "\u00a0:",
    segmentMap: "La carte des segments",
    segmentMapIntro:
      "Chacune des 25 cases (R, F) appartient à un seul segment ; M ne change pas le segment. Lignes : note R (5 = achat le plus récent) ; colonnes : note F (5 = achète le plus souvent).",
    covariates: "Covariables : lire les coefficients",
    covariatesBody: [
      "Avec `purchase_covariates` et `dropout_covariates` (pnbd et bgnbd), la ligne de nombres propre à chaque client déplace les paramètres du modèle, comme CLVTools le définit : la table reçoit un coefficient par covariable et par processus, nommé `purchase.<en-tête>` et `dropout.<en-tête>`, avec son erreur type dans `se_purchase.<en-tête>` et `se_dropout.<en-tête>`.",
      "",
      "- **Coefficient d'achat γ** : un client dont la covariable vaut 1 de plus achète **e^γ fois plus souvent** (l'échelle α du taux d'achat devient α·e^(−γ·z)). Exemple : `purchase.Channel` = 0,62 avec Channel = 1 pour le magasin : les clients venus du magasin achètent e^0,62 = 1,9 fois plus souvent que ceux venus en ligne. Un coefficient négatif veut dire moins souvent : −0,3 donne 0,74 fois.",
      "- **Coefficient d'attrition γ, pnbd** : un client dont la covariable vaut 1 de plus **part e^γ fois plus vite** (l'échelle β du taux d'attrition devient β·e^(−γ·z)), donc reste en moyenne e^(−γ) fois aussi longtemps. `dropout.Channel` = 0,79 : les clients magasin partent 2,2 fois plus vite.",
      "- **Coefficient d'attrition γ, bgnbd** : les deux paramètres de la probabilité de départ sont multipliés par e^(γ·z) (a·e^(γz), b·e^(γz)) : la chance moyenne de partir après un achat, a/(a+b), ne change pas ; un coefficient positif rend ces clients plus semblables entre eux sur ce point, un négatif plus divers. C'est une différence de dispersion, pas de niveau.",
      "- **Quelle certitude** : un coefficient éloigné de 0 de plus de deux fois son erreur type a peu de chances d'être dû au hasard (niveau 95 %). Avec peu de clients dans un groupe, l'erreur type est grande : ne décidez pas sur le seul coefficient.",
      "- **Limites** : au plus 10 covariables par processus et 256 lignes de covariables différentes (combinaisons de valeurs) dans CUST.FIT, pour qu'une estimation sur 100 000 clients demande au plus 15 s de calcul environ pour pnbd et 1 à 2 s pour bgnbd (chaque ligne distincte est un groupe avec ses propres termes de vraisemblance). Regroupez une covariable numérique en tranches (l'âge par décennie) plutôt que de donner à chaque client sa propre valeur.",
      "- **Codage** : les covariables sont des nombres. Codez une catégorie à k valeurs en k − 1 colonnes 0/1 (p. ex. Channel = 1 pour le magasin, 0 pour le web) : chaque coefficient compare à la catégorie laissée de côté. Une covariable numérique (âge, premier panier) agit par unité : mettez-la à une échelle où 1 a un sens (l'âge en décennies).",
      "- **Prédictions** : CUST.PALIVE, CUST.CHURNRISK, CUST.PURCHASES, CUST.PBUY, CUST.PNPURCHASES, CUST.DERT, CUST.LOGLIK, CUST.TRACKING, CUST.PCLV, CUST.FORECAST et CUST.HOLDOUTCHECK finissent par les deux mêmes arguments, `purchase_covariates` et `dropout_covariates` : les valeurs des clients dans les colonnes avec lesquelles la table a été estimée (avec leur en-tête, dans n'importe quel ordre, ou sans en-tête dans l'ordre de l'estimation), une ligne par client, ou une ligne pour tous. Chaque client est alors prédit avec ses propres échelles. Une table avec coefficients donnée sans elles donne `#VALUE!` qui les demande : ses paramètres de base seuls ne décrivent aucun client. Pour un nouveau client (CUST.PURCHASES sans historique, CUST.PNPURCHASES), donnez une ligne par profil ; les nouveaux clients de CUST.FORECAST prennent le mélange des clients actuels. CUST.PCLVRANGE et les fourchettes de CUST.FORECAST ne prennent pas encore de covariables (leurs tirages des paramètres ne couvrent pas les coefficients) et le disent.",
      "",
      "Sources : CLVTools (Bachmann, Meierer, Näf et al. ; `src/pnbd.cpp`, `src/bgnbd.cpp`, covariables statiques) ; Fader & Hardie (2007), *Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD models*, note 019.",
    ],
  },
};

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

const escapeCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
/** The first sentence or clause of a description, for the contents table. */
const firstSentence = (text: string) => {
  const match = /^(.+?)[.:](\s|$)/.exec(text);
  return (match ? match[1] : text).trim();
};

function formatValue(value: unknown, locale: Locale, precision: number | undefined): string {
  if (typeof value === "number") return formatNumber(value, locale, precision ?? 6);
  if (typeof value === "boolean") return locale === "fr" ? (value ? "VRAI" : "FAUX") : value ? "TRUE" : "FALSE";
  if (value === "" || value === null || value === undefined) return "";
  return String(value);
}

/** A formula as French Excel writes it: French names, ";" between arguments, decimal commas, VRAI/FAUX. */
export function localizeFormula(formula: string, names: ReadonlyMap<string, string>): string {
  const open = formula.indexOf("(");
  const id = formula.slice("=CUST.".length, open);
  const args = parseFormulaArguments(formula).map((argument) => {
    switch (argument.kind) {
      case "empty":
        return "";
      case "number":
        return argument.text.replace(".", ",");
      case "text":
        return `"${argument.value}"`;
      case "boolean":
        return argument.value ? "VRAI" : "FAUX";
      case "range":
        return argument.text;
    }
  });
  return `=CUST.${names.get(id) ?? id}(${args.join("; ")})`;
}

function rangeContents(grid: unknown[][], locale: Locale): string {
  return grid.map((row) => row.map((cell) => formatValue(cell, locale, undefined)).join(" | ")).join("; ");
}

function resultTable(grid: unknown[][], locale: Locale, precision: number | undefined): string[] {
  const texts = TEXTS[locale];
  const width = Math.max(...grid.map((row) => row.length));
  const cells = grid.map((row) =>
    Array.from({ length: width }, (_, c) => escapeCell(formatValue(row[c], locale, precision))),
  );
  const headed = grid.length > 1 && grid[0].every((cell) => typeof cell === "string" && cell !== "");
  const header = headed ? cells[0] : Array.from({ length: width }, (_, c) => `${texts.column} ${c + 1}`);
  const body = headed ? cells.slice(1) : cells;
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...body.map((row) => `| ${row.join(" | ")} |`),
  ];
}

function resultText(expected: ExpectedResult, locale: Locale, precision: number | undefined): string | string[] {
  if (Array.isArray(expected)) {
    if (expected.length === 1 && expected[0].length === 1)
      return `\`${formatValue(expected[0][0], locale, precision)}\``;
    return resultTable(expected, locale, precision);
  }
  return `\`${formatValue(expected, locale, precision)}\``;
}

interface RenderContext {
  locale: Locale;
  english: FunctionsMetadata;
  shown: FunctionsMetadata;
  names: Map<string, string>;
  implementations: Map<string, CustomFunction>;
}

function renderExample(example: FunctionExample, fn: FunctionMetadata, context: RenderContext): string[] {
  const { locale } = context;
  const texts = TEXTS[locale];
  const formula = locale === "fr" ? localizeFormula(example.formula, context.names) : example.formula;
  const expected = locale === "fr" ? (example.expectedFr ?? example.expected) : example.expected;
  const where = parseFormulaArguments(example.formula)
    .map((argument, k) => ({ argument, value: example.args[k] }))
    .filter(({ argument }) => argument.kind === "range")
    .map(
      ({ argument, value }) =>
        `\`${(argument as { text: string }).text}\` ${texts.holds} \`${rangeContents(value as unknown[][], locale)}\``,
    );
  let first: string;
  let table: string[] = [];
  if (isExpectedError(expected)) {
    const outcome = runExample(
      context.implementations.get(fn.id)!,
      example,
      fn,
      locale,
      context.english.allowErrorForDataTypeAny === true,
    );
    const message = "message" in outcome ? outcome.message : "";
    first = `\`${formula}\` → \`${expected.error}\` ${locale === "fr" ? `« ${message} »` : `"${message}"`}`;
  } else {
    const result = resultText(expected, locale, example.precision);
    if (typeof result === "string") first = `\`${formula}\` → ${result}`;
    else {
      first = `\`${formula}\`${example.partial ? ` ${texts.firstRows}` : ""}`;
      table = result;
    }
  }
  // A backslash at the end of a line is a line break inside the list item.
  const item = [first, example.note[locale], ...(where.length > 0 ? [`${where.join("; ")}.`] : [])];
  const lines = [`- ${item.join("\\\n  ")}`];
  if (table.length > 0) lines.push("", ...table.map((line) => `  ${line}`), "");
  return lines;
}

/** Plain-words method sections printed under a function's arguments, from the message catalogue. */
const METHOD_SECTIONS: Readonly<Record<string, { title: MessageKey; body: MessageKey }>> = {
  COHORT: { title: "finance.docs.cohortTitle", body: "finance.docs.cohortBody" },
  FORECAST: { title: "finance.docs.rangeTitle", body: "finance.docs.rangeBody" },
  PCLVRANGE: { title: "finance.docs.rangeTitle", body: "finance.docs.rangeBody" },
};

/** The R × F grid as CUST.RFMSEGMENT applies it, from the engine's own table. */
function segmentMapTable(locale: Locale): string[] {
  const texts = TEXTS[locale];
  const scores = Array.from({ length: SEGMENT_SCORE_MAX }, (_, i) => i + 1);
  const lines = ["", `### ${texts.segmentMap}`, "", texts.segmentMapIntro, ""];
  lines.push(`| R \\ F | ${scores.join(" | ")} |`, `| --- | ${scores.map(() => "---").join(" | ")} |`);
  for (const r of [...scores].reverse()) {
    const names = scores.map((f) => t(segmentOf(r, f)!.labelKey, {}, locale));
    lines.push(`| **${r}** | ${names.join(" | ")} |`);
  }
  return lines;
}

function renderFunction(fn: FunctionMetadata, context: RenderContext): string[] {
  const { locale } = context;
  const texts = TEXTS[locale];
  const englishName = context.english.functions.find((candidate) => candidate.id === fn.id)!.name;
  const separator = locale === "fr" ? "; " : ", ";
  const signature = fn.parameters
    .map((parameter) => (parameter.optional ? `[${parameter.name}]` : parameter.name))
    .join(separator);
  const lines = [`## CUST.${fn.name}`, "", fn.description ?? "", ""];
  const otherName = locale === "fr" ? englishName : (context.names.get(fn.id) ?? fn.name);
  if (otherName !== fn.name) lines.push(`${texts.alsoCalled}${texts.colon} \`CUST.${otherName}\`.`, "");
  lines.push(`**${texts.syntax}${texts.colon}** \`=CUST.${fn.name}(${signature})\``, "");
  lines.push(`| ${texts.argument} | ${texts.optional} | ${texts.help} |`, "| --- | --- | --- |");
  for (const parameter of fn.parameters) {
    lines.push(
      `| \`${parameter.name}\` | ${parameter.optional ? texts.yes : texts.no} | ${escapeCell(parameter.description ?? "")} |`,
    );
  }
  if (fn.id === "RFMSEGMENT") lines.push(...segmentMapTable(locale));
  const method = METHOD_SECTIONS[fn.id];
  if (method) lines.push("", `### ${t(method.title, {}, locale)}`, "", t(method.body, {}, locale));
  if (fn.id === "FIT") lines.push("", `### ${texts.covariates}`, "", ...texts.covariatesBody);
  const examples = examplesFor(fn.id);
  const working = examples.filter((example) => !isExpectedError(example.expected));
  const failing = examples.filter((example) => isExpectedError(example.expected));
  lines.push("", `### ${texts.examples}`, "");
  for (const example of working) lines.push(...renderExample(example, fn, context));
  lines.push("", `### ${texts.errors}`, "");
  for (const example of failing) lines.push(...renderExample(example, fn, context));
  lines.push("");
  return lines;
}

/** The whole reference page in one language. */
export function renderReference(
  locale: Locale,
  english: FunctionsMetadata,
  implementations: Map<string, CustomFunction>,
): string {
  const shown = locale === "fr" ? frenchMetadata(english) : english;
  const names = new Map(frenchMetadata(english).functions.map((fn) => [fn.id, fn.name]));
  const context: RenderContext = { locale, english, shown, names, implementations };
  const texts = TEXTS[locale];
  const lines = [`# ${texts.title}`, "", texts.other, "", `_${texts.generated}_`, "", texts.intro, "", ...texts.rules];
  lines.push(`## ${texts.contents}`, "", `| ${texts.functionColumn} | ${texts.summaryColumn} |`, "| --- | --- |");
  for (const fn of shown.functions) {
    const heading = `CUST.${fn.name}`;
    lines.push(`| [${heading}](#${headingAnchor(heading)}) | ${escapeCell(firstSentence(fn.description ?? ""))} |`);
  }
  lines.push("");
  for (const fn of shown.functions) lines.push(...renderFunction(fn, context));
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

export const REFERENCE_FILES: Record<Locale, string> = {
  en: join(ROOT, "docs", "functions.md"),
  fr: join(ROOT, "docs", "functions.fr.md"),
};

/** Every example names a registered function (checked before anything is written). */
export function checkExamples(english: FunctionsMetadata, examples: readonly FunctionExample[]): void {
  const ids = new Set(english.functions.map((fn) => fn.id));
  for (const example of examples) {
    if (!ids.has(exampleFunctionId(example))) throw new Error(`Example ${example.id} calls an unknown function`);
  }
}

async function main(): Promise<void> {
  const english = await englishMetadata();
  const { FUNCTION_EXAMPLES } = await import("../src/functions/examples");
  checkExamples(english, FUNCTION_EXAMPLES);
  const implementations = functionImplementations();
  for (const locale of ["en", "fr"] as const) {
    writeFileSync(REFERENCE_FILES[locale], renderReference(locale, english, implementations));
    console.log(`wrote ${REFERENCE_FILES[locale]}`);
  }
}

if (process.argv[1] && /make-docs\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
