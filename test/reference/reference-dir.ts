/**
 * Where the reference material is: test/fixtures/reference (the public data sets and expected.json, committed
 * with their sources), or the folder given to `npm run test:reference -- <folder>`, which sets REFERENCE_DIR.
 * These tests never run in `npm test`, and nothing in src/ may read this folder.
 */
import { readFileSync } from "fs";
import { join, resolve } from "path";

export const BUNDLED_REFERENCE_DIR = resolve(__dirname, "..", "fixtures", "reference");

export function referenceDir(): string {
  return resolve(process.env.REFERENCE_DIR || BUNDLED_REFERENCE_DIR);
}

export function referencePath(...parts: string[]): string {
  return join(referenceDir(), ...parts);
}

export function readReferenceText(...parts: string[]): string {
  return readFileSync(referencePath(...parts), "utf8");
}

export interface ExpectedEntry {
  id: string;
  model: string;
  quantity: string;
  value: unknown;
  tolerance: string;
}

let expected: ExpectedEntry[] | undefined;

/** One entry of expected.json by id; throws when the id is missing so a renamed entry fails loudly. */
export function expectedValue<T>(id: string): T {
  expected ??= (JSON.parse(readReferenceText("expected.json")) as { values: ExpectedEntry[] }).values;
  const entry = expected.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`expected.json has no entry ${id}`);
  return entry.value as T;
}

/** numpy's assert_almost_equal(decimal=d): |actual − expected| < 1.5 × 10^−d. */
export function expectAlmostEqualDecimal(actual: number, expectedNumber: number, decimal: number): void {
  const bound = 1.5 * 10 ** -decimal;
  if (!(Math.abs(actual - expectedNumber) < bound)) {
    throw new Error(`expected ${actual} to be within ${bound} of ${expectedNumber}`);
  }
}

/** testthat's expect_equal(tolerance = t): relative difference below t. */
export function expectRelative(actual: number, expectedNumber: number, tolerance: number): void {
  const difference = Math.abs(actual - expectedNumber) / Math.abs(expectedNumber);
  if (!(difference < tolerance)) {
    throw new Error(`expected ${actual} to be within relative ${tolerance} of ${expectedNumber} (was ${difference})`);
  }
}
