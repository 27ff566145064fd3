/**
 * The one wrapper every Excel.run goes through: it turns OfficeExtension.Error (and anything else thrown)
 * into a typed WorkbookResult with a catalogue key, and logs the technical detail for support.
 */
import type { MessageKey, MessageParams } from "../i18n";
import type { WorkbookFailure, WorkbookResult } from "./workbook";

/** Excel.run as we call it: one batch function, one request context. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Thrown inside a batch to stop with a failure we already understand (name taken, cancelled…). */
export class WorkbookFailureError extends Error {
  constructor(readonly failure: WorkbookFailure) {
    super(failure.code);
    this.name = "WorkbookFailureError";
  }
}

export function fail(code: string, key: MessageKey, params?: MessageParams): never {
  throw new WorkbookFailureError({ code, key, params });
}

/** The shape of OfficeExtension.Error that we rely on (duck-typed: the class is absent outside Office). */
interface OfficeErrorLike {
  code: string;
  message: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string; statement?: string };
}

function isOfficeError(error: unknown): error is OfficeErrorLike {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    ("debugInfo" in error || (error as { name?: unknown }).name === "RichApi.Error")
  );
}

/** OfficeExtension error codes (Excel.ErrorCodes) mapped to a message the user can act on. */
const KEY_BY_CODE: Readonly<Record<string, MessageKey>> = {
  ItemNotFound: "excel.error.tableNotFound",
  InvalidReference: "excel.error.tableNotFound",
  AccessDenied: "excel.error.sheetProtected",
  InsufficientPermission: "excel.error.sheetProtected",
  InvalidOperationInCellEditMode: "excel.error.cellEditMode",
  RequestPayloadSizeLimitExceeded: "excel.error.tooLarge",
  ResponsePayloadSizeLimitExceeded: "excel.error.tooLarge",
  PayloadTooLarge: "excel.error.tooLarge",
  ApiNotFound: "excel.error.notSupported",
  Conflict: "excel.error.busy",
  ActivityLimitReached: "excel.error.busy",
  ServiceNotAvailable: "excel.error.busy",
  Timeout: "excel.error.busy",
  ItemAlreadyExists: "excel.error.nameTaken",
};

/** What went wrong, in catalogue terms. Unknown errors keep their code so the log and message can name it. */
export function toFailure(error: unknown): WorkbookFailure {
  if (error instanceof WorkbookFailureError) return error.failure;
  if (isOfficeError(error)) {
    const key = KEY_BY_CODE[error.code] ?? "excel.error.unexpected";
    const detail = JSON.stringify({ message: error.message, debugInfo: error.debugInfo ?? null });
    return { code: error.code, key, params: { code: error.code }, detail };
  }
  if (error instanceof Error && error.name === "AbortError") {
    return { code: "cancelled", key: "excel.error.cancelled" };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "unexpected", key: "excel.error.unexpected", params: { code: message }, detail: message };
}

/** The runner Office provides, or an error when this page is not inside Excel. */
export function globalExcelRunner(): ExcelRunner {
  const excel = (globalThis as { Excel?: { run?: unknown } }).Excel;
  if (!excel || typeof excel.run !== "function") throw new Error("Excel is not available on this page");
  const run = excel.run as ExcelRunner;
  return (batch) => run.call(excel, batch) as ReturnType<typeof batch>;
}

export interface RunOptions {
  /** Excel.run by default; tests pass the office-addin-mock one. */
  runner?: ExcelRunner;
  /** Context for the message (e.g. { table: "Clients" }), merged under the failure's own params. */
  params?: MessageParams;
}

/** Runs one batch against the workbook; never throws. */
export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: RunOptions = {},
): Promise<WorkbookResult<T>> {
  try {
    const runner = options.runner ?? globalExcelRunner();
    return { ok: true, value: await runner(batch) };
  } catch (error) {
    const raw = toFailure(error);
    const failure: WorkbookFailure = { ...raw, params: { ...options.params, ...raw.params } };
    if (!(error instanceof WorkbookFailureError)) {
      // Support needs the code and Excel's debugInfo (statement, location); the UI shows the catalogue message.
      console.error("Customer Value: Excel request failed", failure.code, failure.detail ?? "");
    }
    return { ok: false, error: failure };
  }
}

/** Throws the "cancelled" failure when the signal was aborted; called between chunks. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) fail("cancelled", "excel.error.cancelled");
}
