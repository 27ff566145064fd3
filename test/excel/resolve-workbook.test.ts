import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { resolveWorkbook } from "../../src/excel/resolve-workbook";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";

function frameIn(parent: object): Window {
  return { parent } as unknown as Window;
}

describe("resolveWorkbook", () => {
  it("uses Excel inside Excel", () => {
    expect(resolveWorkbook({ host: "Excel" as unknown as Office.HostType }, undefined)).toBeInstanceOf(ExcelWorkbook);
  });

  it("uses the workbench's workbook when the pane is in the workbench's iframe", () => {
    const workbook = new MemoryWorkbook();
    const self = frameIn({ customerValueWorkbench: { workbook } });
    expect(resolveWorkbook({ host: null }, self)).toBe(workbook);
  });

  it("gives none in a plain browser tab, a foreign parent, or another Office host", () => {
    const top = {} as Window & { parent: Window };
    top.parent = top;
    expect(resolveWorkbook({ host: null }, top)).toBeNull();
    expect(resolveWorkbook({ host: null }, frameIn({}))).toBeNull();
    expect(resolveWorkbook({ host: null }, undefined)).toBeNull();
    const crossOrigin = {
      get parent(): Window {
        throw new DOMException("Blocked a frame", "SecurityError");
      },
    } as unknown as Window;
    expect(resolveWorkbook({ host: null }, crossOrigin)).toBeNull();
    expect(resolveWorkbook({ host: "Word" as unknown as Office.HostType }, frameIn({}))).toBeNull();
  });
});
