/** The published fits of test/fixtures/published-models.json (NBD, GGompertz/NBD, static covariates) by id. */
import { readFileSync } from "fs";
import { join, resolve } from "path";

export const FIXTURES_DIR = resolve(__dirname, "..", "fixtures");

interface PublishedEntry {
  id: string;
  value: unknown;
}

let published: PublishedEntry[] | undefined;

export function publishedValue<T>(id: string): T {
  published ??= (
    JSON.parse(readFileSync(join(FIXTURES_DIR, "published-models.json"), "utf8")) as { values: PublishedEntry[] }
  ).values;
  const entry = published.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`published-models.json has no entry ${id}`);
  return entry.value as T;
}

/** |actual − expected| < 1.5 units of the last printed decimal. */
export function expectPrinted(actual: number, expected: number, decimals: number): void {
  const bound = 1.5 * 10 ** -decimals;
  if (!(Math.abs(actual - expected) < bound)) {
    throw new Error(`expected ${actual} to be within ${bound} of ${expected}`);
  }
}
