/**
 * Segment colours as conditional formats. When a column's fill is a function of its value (every cell holding
 * "Champions" is dark green), one "cell value equal to" rule per distinct value colours the whole column in a
 * few small actions, where fill runs need one action per run: ~874,000 runs on a million rows in random order.
 * Pure: the decision and Excel's comparison semantics, shared by ExcelWorkbook and the in-memory workbook.
 */
import type { CellValue } from "./workbook";
import { runSteps, STEP_ITEMS, type Steps } from "./steps";

/** Above this many distinct coloured values the column is not a segment column: fill runs are used instead. */
export const MAX_COLOUR_RULES = 256;
/** Excel refuses text constants longer than 255 characters in a formula. */
const MAX_FORMULA_TEXT = 255;
/** Excel keeps 15 significant digits of a number typed in a formula. */
const FORMULA_DIGITS = 15;

/** One conditional format: cells equal to `value` are filled with `color` and written in `fontColor`. */
export interface ColourRule {
  value: CellValue;
  /** Excel's formula1 for the "EqualTo" operator, e.g. '="Champions"', "=3", "=TRUE". */
  formula: string;
  color: string;
  /** The text colour that goes with the fill (fontColourOn), so the cell stays readable. */
  fontColor: string;
}

/** The least contrast the add-in accepts between a fill and its text: WCAG 2.x level AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** WCAG 2.x relative luminance of a "#RRGGBB" colour (sRGB channels linearised, then weighted). */
export function relativeLuminance(color: string): number {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) throw new Error(`Not a #RRGGBB colour: ${color}`);
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(match[1]) + 0.7152 * channel(match[2]) + 0.0722 * channel(match[3]);
}

/** WCAG 2.x contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The font colour the add-in writes with a fill: black or white, whichever contrasts more. Excel's automatic text
 * colour is black on a filled cell, which reads at 2.7:1 on a dark green; one of black and white always reaches
 * at least 4.58:1 (they tie at a luminance of about 0.18).
 */
export function fontColourOn(fill: string): "#000000" | "#FFFFFF" {
  return contrastRatio(fill, "#000000") >= contrastRatio(fill, "#FFFFFF") ? "#000000" : "#FFFFFF";
}

const MONTH_DATE = /^(\d{1,2}[\s-]+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?([\s-]+\d{1,4})?$/i;

/**
 * Text that Excel would turn into a number, date, time or boolean when written to a General cell ("12",
 * "3/4", "TRUE", "Mar 3"): the cell would then not equal the quoted text. Conservative: anything without a
 * letter counts, so such a column falls back to plain fills.
 */
function coercedByExcel(text: string): boolean {
  const trimmed = text.trim();
  return !/\p{L}/u.test(trimmed) || /^(true|false)$/i.test(trimmed) || MONTH_DATE.test(trimmed);
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

/** The formula a rule uses to match `value` exactly, or null when no formula can (long or coercible text). */
export function equalsFormula(value: CellValue): string | null {
  if (typeof value === "boolean") return value ? "=TRUE" : "=FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Number(value.toPrecision(FORMULA_DIGITS)) !== value) return null;
    return `=${String(value).toUpperCase()}`;
  }
  if (value.length > MAX_FORMULA_TEXT || hasControlCharacter(value) || coercedByExcel(value)) return null;
  return `="${value.replace(/"/g, '""')}"`;
}

/** The value an equalsFormula formula compares with (its inverse), or null for any other formula. */
export function formulaValue(formula: string): CellValue | null {
  const text = /^="((?:[^"]|"")*)"$/.exec(formula);
  if (text) return text[1].replace(/""/g, '"');
  if (/^=TRUE$/i.test(formula)) return true;
  if (/^=FALSE$/i.test(formula)) return false;
  const number = formula.startsWith("=") ? Number(formula.slice(1)) : NaN;
  return formula.length > 1 && Number.isFinite(number) ? number : null;
}

const isBlank = (cell: CellValue | null | undefined): boolean => cell === "" || cell === null || cell === undefined;

/**
 * Excel's "cell value equal to": text compared without regard to case, numbers and booleans by value, never
 * text with number; an empty cell equals "", 0 and FALSE.
 */
export function cellEquals(cell: CellValue | null | undefined, value: CellValue): boolean {
  if (isBlank(cell)) return value === "" || value === 0 || value === false;
  if (typeof cell !== typeof value) return false;
  if (typeof cell === "string") return cell.toLowerCase() === (value as string).toLowerCase();
  return cell === value;
}

/** Excel's equality as a map key: case folded for text, numbers and booleans kept apart from text. */
function equalityKey(value: CellValue): string {
  return typeof value === "string" ? `t${value.toLowerCase()}` : `${typeof value === "number" ? "n" : "b"}${value}`;
}

/**
 * The rules that colour a column exactly as `fills` says, in order of first appearance, or null when the fills
 * are not a function of the values as Excel compares them (two equal values with different colours, a value no
 * formula can match, a blank cell a rule would colour wrongly, or more than MAX_COLOUR_RULES colours).
 * An empty list means no cell has a fill.
 */
export function colourRules(
  values: readonly CellValue[],
  fills: readonly (string | null)[],
  maxRules = MAX_COLOUR_RULES,
): ColourRule[] | null {
  return runSteps(colourRuleSteps(values, fills, maxRules));
}

/** colourRules, yielding every STEP_ITEMS rows (chunk-plan.ts plans a million-row write in slices). */
export function* colourRuleSteps(
  values: readonly CellValue[],
  fills: readonly (string | null)[],
  maxRules = MAX_COLOUR_RULES,
): Steps<ColourRule[] | null> {
  if (values.length !== fills.length) return null;
  // Exact values first (cheap on a million rows), then folded into Excel's equality over the few distinct ones.
  const byValue = new Map<CellValue, string | null>();
  let blankFill: string | null | undefined;
  // The rows of one step in a plain function (V8 optimises it better than a generator's loop); false: not a rule.
  const scan = (from: number, to: number): boolean => {
    for (let row = from; row < to; row++) {
      const value = values[row];
      const fill = fills[row] || null;
      if (isBlank(value)) {
        if (blankFill === undefined) blankFill = fill;
        else if (blankFill !== fill) return false;
        continue;
      }
      const seen = byValue.get(value);
      if (seen === undefined) {
        if (byValue.size >= 4 * maxRules) return false;
        byValue.set(value, fill);
      } else if (seen !== fill) return false;
    }
    return true;
  };
  for (let from = 0; from < values.length; from += STEP_ITEMS) {
    if (!scan(from, Math.min(values.length, from + STEP_ITEMS))) return null;
    if (from + STEP_ITEMS < values.length) yield;
  }
  const byKey = new Map<string, ColourRule | null>();
  for (const [value, color] of byValue) {
    const key = equalityKey(value);
    const known = byKey.get(key);
    if (known !== undefined) {
      if ((known?.color ?? null) !== color) return null;
      continue;
    }
    if (color === null) {
      byKey.set(key, null);
      continue;
    }
    const formula = equalsFormula(value);
    if (formula === null) return null;
    byKey.set(key, { value, formula, color, fontColor: fontColourOn(color) });
  }
  const rules = [...byKey.values()].filter((rule): rule is ColourRule => rule !== null);
  if (blankFill !== undefined) {
    // Blank cells match the rules for 0, "" and FALSE: they must show the fill they were given.
    const matching = rules.filter((rule) => cellEquals("", rule.value));
    const shown = matching.length === 0 ? null : matching[0].color;
    if (matching.some((rule) => rule.color !== shown)) return null;
    if (matching.length === 0 && blankFill !== null)
      rules.push({ value: "", formula: '=""', color: blankFill, fontColor: fontColourOn(blankFill) });
    else if (shown !== blankFill) return null;
  }
  return rules.length > maxRules ? null : rules;
}
