import {
  calendarDate,
  excelSerial,
  isExcelSerial,
  isoDate,
  MAX_EXCEL_SERIAL,
  serialFromCompactDate,
} from "../../../src/engine/transactions/dates";

describe("Excel serial dates", () => {
  test("known serials", () => {
    expect(excelSerial(2025, 1, 1)).toBe(45658);
    expect(excelSerial(1900, 3, 1)).toBe(61);
    expect(excelSerial(9999, 12, 31)).toBe(MAX_EXCEL_SERIAL);
    expect(excelSerial(1997, 9, 30) - excelSerial(1997, 1, 1)).toBe(272);
  });
  test("round trip, time of day dropped", () => {
    expect(calendarDate(45658.75)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(isoDate(excelSerial(1998, 6, 30))).toBe("1998-06-30");
  });
  test("compact YYYYMMDD dates", () => {
    expect(serialFromCompactDate("19970101")).toBe(excelSerial(1997, 1, 1));
    expect(serialFromCompactDate("19970231")).toBeNaN();
    expect(serialFromCompactDate("1997-01-01")).toBeNaN();
  });
  test("what can be an Excel date", () => {
    expect(isExcelSerial(45658.5)).toBe(true);
    expect(isExcelSerial(0)).toBe(false);
    expect(isExcelSerial(20240105)).toBe(false);
    expect(isExcelSerial(NaN)).toBe(false);
  });
});
