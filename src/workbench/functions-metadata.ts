/**
 * The parts of the generated functions.json the gallery shows: each function's help and parameters.
 * The file is the one Excel reads, fetched from the same origin as the page.
 */

export interface FunctionParameterInfo {
  name: string;
  description?: string;
  type: string;
  dimensionality?: "scalar" | "matrix" | string;
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionInfo {
  id: string;
  name: string;
  description?: string;
  parameters: FunctionParameterInfo[];
  result?: { type?: string; dimensionality?: string };
}

export interface FunctionsMetadata {
  /** functions.json's top-level allowErrorForDataTypeAny: error cells reach `any` parameters. */
  allowErrorForDataTypeAny: boolean;
  functions: FunctionInfo[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readParameter(value: unknown): FunctionParameterInfo | null {
  if (!isRecord(value) || typeof value.name !== "string") return null;
  return {
    name: value.name,
    description: typeof value.description === "string" ? value.description : undefined,
    type: typeof value.type === "string" ? value.type : "any",
    dimensionality: typeof value.dimensionality === "string" ? value.dimensionality : "scalar",
    optional: value.optional === true,
    repeating: value.repeating === true,
  };
}

/** Validates the JSON text's shape; functions without an id are skipped. Sorted by name for the list. */
export function parseFunctionsMetadata(json: unknown): FunctionsMetadata {
  if (!isRecord(json) || !Array.isArray(json.functions)) return { allowErrorForDataTypeAny: false, functions: [] };
  const functions: FunctionInfo[] = [];
  for (const entry of json.functions) {
    if (!isRecord(entry) || typeof entry.id !== "string") continue;
    const parameters = Array.isArray(entry.parameters) ? entry.parameters.map(readParameter) : [];
    functions.push({
      id: entry.id,
      name: typeof entry.name === "string" ? entry.name : entry.id,
      description: typeof entry.description === "string" ? entry.description : undefined,
      parameters: parameters.filter((parameter): parameter is FunctionParameterInfo => parameter !== null),
      result: isRecord(entry.result)
        ? {
            type: typeof entry.result.type === "string" ? entry.result.type : undefined,
            dimensionality: typeof entry.result.dimensionality === "string" ? entry.result.dimensionality : undefined,
          }
        : undefined,
    });
  }
  functions.sort((a, b) => a.name.localeCompare(b.name));
  return { allowErrorForDataTypeAny: json.allowErrorForDataTypeAny === true, functions };
}

/** The namespace Excel shows before each function name (manifest: Functions.Namespace). */
export const FUNCTIONS_NAMESPACE = "CUST";
