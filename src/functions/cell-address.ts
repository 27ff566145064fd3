/**
 * The address of one cell of a range argument, from the address Excel gives for the range when a function asks for
 * it (@requiresParameterAddresses: the invocation's parameterAddresses, CustomFunctionsRuntime 1.5). Older Excel,
 * and the workbench, give none: then there is no address and messages name the row within the range instead.
 */

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let letters = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/** "Sheet1!D7:D20", "'My sheet'!$D$7:$D$20", "D:D", "5:5" or "D7": the sheet prefix (with its "!") and top-left. */
const ADDRESS = /^((?:'(?:[^']|'')+'|[^'!]+)!)?\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?[A-Za-z]{0,3}\$?\d*)?$/;

/**
 * The cell `row` rows and `col` columns (0-based) from the top-left of the range at `address`, with the range's sheet
 * prefix as Excel wrote it and without $ signs: cellAt("Sheet1!$D$2:$D$9", 5) is "Sheet1!D7". A whole column
 * ("D:D") starts at row 1, a whole row ("5:5") at column A. undefined when there is no address, it is not an A1
 * reference, or the cell would fall outside the sheet.
 */
export function cellAt(address: string | undefined, row: number, col = 0): string | undefined {
  if (typeof address !== "string") return undefined;
  const match = ADDRESS.exec(address.trim());
  if (!match || (match[2] === undefined && match[3] === undefined)) return undefined;
  const column = (match[2] === undefined ? 1 : columnNumber(match[2])) + col;
  const line = (match[3] === undefined ? 1 : Number(match[3])) + row;
  if (column < 1 || column > MAX_COLUMNS || line < 1 || line > MAX_ROWS) return undefined;
  return `${match[1] ?? ""}${columnLetters(column)}${line}`;
}

/** What a function needs of the invocation Excel passes last: the addresses of its arguments, in order. */
export interface AddressedInvocation {
  parameterAddresses?: readonly unknown[];
}

/**
 * The addresses Excel gave, by argument name (the names of `parameters`, in the order of the function's
 * parameters). Empty without an invocation or without addresses.
 */
export function addressesOf(invocation: unknown, parameters: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const given = (invocation as AddressedInvocation | null | undefined)?.parameterAddresses;
  if (typeof invocation !== "object" || invocation === null || !Array.isArray(given)) return out;
  parameters.forEach((name, i) => {
    const address: unknown = given[i];
    if (typeof address === "string" && address !== "") out.set(name, address);
  });
  return out;
}

/**
 * An invocation as a plain object a worker can receive (Excel's may not survive the structured clone): only its
 * parameter addresses, which are all the functions read. Anything else is returned as it is.
 */
export function plainInvocation(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const given = (value as AddressedInvocation).parameterAddresses;
  if (!Array.isArray(given)) return value;
  return { parameterAddresses: given.map((address) => (typeof address === "string" ? address : null)) };
}
