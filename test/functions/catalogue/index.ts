/** Every case of the catalogue: the definitions (cases.ts) and one file per area that adds its cases. */
import "./metrics";
import "./models";
import "./value-models";
import "./rfm-summary";
import "./residual";

export { ANY_NUMBER, CATALOGUE } from "./cases";
export type { CaseClass, CatalogueCase, ExpectedCell } from "./cases";
