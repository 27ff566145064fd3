/** The CDNOW sample transaction log (test/fixtures/reference/datasets/CDNOW_sample.txt: 2,357 customers, 1997-01-01 to 1998-06-30). */
import { readFileSync } from "fs";
import { join } from "path";
import { excelSerial } from "../../src/engine/transactions/dates";

export interface CdnowLog {
  ids: string[];
  /** Excel serials. */
  dates: Float64Array;
  amounts: Float64Array;
}

export function cdnowLog(): CdnowLog {
  const text = readFileSync(join(__dirname, "../fixtures/reference/datasets/CDNOW_sample.txt"), "utf8");
  const ids: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (const line of text.trim().split("\n")) {
    const [id, , day, , amount] = line.trim().split(/\s+/);
    ids.push(id);
    dates.push(excelSerial(+day.slice(0, 4), +day.slice(4, 6), +day.slice(6, 8)));
    amounts.push(+amount);
  }
  return { ids, dates: Float64Array.from(dates), amounts: Float64Array.from(amounts) };
}
