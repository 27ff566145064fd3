import fc from "fast-check";
import {
  SEGMENTS,
  segmentCells,
  segmentCodes,
  segmentName,
  segmentOf,
  SegmentId,
} from "../../../src/engine/rfm/segments";
import { en, fr } from "../../../src/i18n/messages/segments";

describe("the R × F segment map", () => {
  test("every one of the 25 cells belongs to exactly one segment", () => {
    const seen = new Map<string, SegmentId>();
    for (const segment of SEGMENTS) {
      for (const { r, f } of segmentCells(segment.id)) {
        const cell = `${r}${f}`;
        expect(seen.has(cell)).toBe(false);
        seen.set(cell, segment.id);
        expect(segmentOf(r, f)?.id).toBe(segment.id);
      }
    }
    expect(seen.size).toBe(25);
  });
  test("the table of formulas.md", () => {
    const table: [SegmentId, number[], number[]][] = [
      ["champions", [5], [4, 5]],
      ["loyalCustomers", [3, 4], [4, 5]],
      ["potentialLoyalists", [4, 5], [2, 3]],
      ["newCustomers", [5], [1]],
      ["promising", [4], [1]],
      ["needAttention", [3], [3]],
      ["aboutToSleep", [3], [1, 2]],
      ["atRisk", [1, 2], [3, 4]],
      ["cantLoseThem", [1, 2], [5]],
      ["hibernating", [1, 2], [1, 2]],
    ];
    for (const [id, rs, fs] of table) for (const r of rs) for (const f of fs) expect(segmentOf(r, f)?.id).toBe(id);
    expect(SEGMENTS).toHaveLength(10);
  });
  test("names in English and French from the catalogue", () => {
    expect(segmentName("cantLoseThem", "en")).toBe("Can't Lose Them");
    expect(segmentName("loyalCustomers", "fr")).toBe("Clients fidèles");
    for (const segment of SEGMENTS) {
      expect(en[segment.labelKey as keyof typeof en]).toBeTruthy();
      expect(fr[segment.labelKey as keyof typeof fr]).toBeTruthy();
    }
  });
  test("colours are #RRGGBB and distinct", () => {
    for (const segment of SEGMENTS) expect(segment.colour).toMatch(/^#[0-9A-F]{6}$/);
    expect(new Set(SEGMENTS.map((s) => s.colour)).size).toBe(SEGMENTS.length);
  });
  test("codes of a segment: its (R, F) cells with M = 1..5", () => {
    expect(segmentCodes("champions")).toEqual([541, 542, 543, 544, 545, 551, 552, 553, 554, 555]);
    expect(segmentCodes("needAttention")).toEqual([331, 332, 333, 334, 335]);
    const all = SEGMENTS.flatMap((segment) => segmentCodes(segment.id));
    expect(new Set(all).size).toBe(125);
  });
  test.each([
    [0, 3],
    [6, 1],
    [2.5, 1],
    [NaN, 2],
  ])("scores outside 1..5 (%p, %p) have no segment", (r, f) => {
    expect(segmentOf(r, f)).toBeUndefined();
  });
  test("segment counts add up to the rows", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))), (pairs) => {
        const counts = new Map<SegmentId, number>();
        for (const [r, f] of pairs) {
          const id = segmentOf(r, f)!.id;
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(pairs.length);
      }),
    );
  });
});
