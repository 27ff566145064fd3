import { t } from "../../src/i18n";
import { fail, runExcel, throwIfCancelled, toFailure, type ExcelRunner } from "../../src/excel/run";

/** An error shaped like OfficeExtension.Error (name "RichApi.Error", code, debugInfo). */
function officeError(code: string): Error & { code: string; debugInfo: object } {
  const error = new Error(`Excel said ${code}`) as Error & { code: string; debugInfo: object };
  error.name = "RichApi.Error";
  error.code = code;
  error.debugInfo = { code, message: `Excel said ${code}`, errorLocation: "Table.getItem" };
  return error;
}

const passThrough: ExcelRunner = (batch) => batch({} as Excel.RequestContext);

describe("runExcel", () => {
  let logged: unknown[][];
  beforeEach(() => {
    logged = [];
    jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it("returns the batch's value", async () => {
    await expect(runExcel(async () => 42, { runner: passThrough })).resolves.toEqual({ ok: true, value: 42 });
  });

  it("maps an OfficeExtension error to a catalogue key, keeps the code and logs debugInfo", async () => {
    const result = await runExcel(
      async () => {
        throw officeError("ItemNotFound");
      },
      { runner: passThrough, params: { table: "Clients" } },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("ItemNotFound");
    expect(result.error.key).toBe("excel.error.tableNotFound");
    expect(t(result.error.key, result.error.params)).toContain("Clients");
    expect(result.error.detail).toContain("Table.getItem");
    expect(logged).toHaveLength(1);
    expect(String(logged[0][1])).toBe("ItemNotFound");
    expect(String(logged[0][2])).toContain("errorLocation");
  });

  it("names an unknown Office error code in the message", async () => {
    const failure = toFailure(officeError("SomethingNew"));
    expect(failure.key).toBe("excel.error.unexpected");
    expect(t(failure.key, failure.params)).toContain("SomethingNew");
    expect(toFailure(officeError("InvalidOperationInCellEditMode")).key).toBe("excel.error.cellEditMode");
    expect(toFailure(officeError("RequestPayloadSizeLimitExceeded")).key).toBe("excel.error.tooLarge");
  });

  it("turns a plain exception into an unexpected failure without throwing", async () => {
    const result = await runExcel(
      async () => {
        throw new TypeError("x is undefined");
      },
      { runner: passThrough },
    );
    expect(result).toMatchObject({ ok: false, error: { code: "unexpected", key: "excel.error.unexpected" } });
  });

  it("passes a deliberate failure through without logging it as a fault", async () => {
    const result = await runExcel(async () => fail("nameTaken", "excel.error.nameTaken", { header: "Segment" }), {
      runner: passThrough,
      params: { table: "Clients" },
    });
    expect(result).toEqual({
      ok: false,
      error: { code: "nameTaken", key: "excel.error.nameTaken", params: { header: "Segment", table: "Clients" } },
    });
    expect(logged).toHaveLength(0);
  });

  it("fails cleanly outside Excel, where the Excel global is missing", async () => {
    const result = await runExcel(async () => 1);
    expect(result.ok).toBe(false);
  });

  it("reports a cancelled signal", () => {
    const controller = new AbortController();
    expect(() => throwIfCancelled(controller.signal)).not.toThrow();
    controller.abort();
    expect(toFailure(catchError(() => throwIfCancelled(controller.signal)))).toMatchObject({ code: "cancelled" });
  });
});

function catchError(body: () => void): unknown {
  try {
    body();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
