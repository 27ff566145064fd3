/**
 * The areas the custom functions and the engine show (argument errors, models, summaries, RFM…), registered on
 * import. The functions bundle loads only these: the pane's strings stay in the pane's bundle (pane-messages.ts).
 */
import { registerMessages } from "./catalogue";
import * as args from "./messages/args";
import * as cells from "./messages/cells";
import * as clv from "./messages/clv";
import * as common from "./messages/common";
import * as diagnostics from "./messages/diagnostics";
import * as finance from "./messages/finance";
import * as grids from "./messages/grids";
import * as history from "./messages/history";
import * as covariates from "./messages/covariates";
import * as models from "./messages/models";
import * as residual from "./messages/residual";
import * as rfm from "./messages/rfm";
import * as segments from "./messages/segments";
import * as summary from "./messages/summary";
import * as valuemodels from "./messages/valuemodels";

export const FUNCTION_AREAS = {
  args,
  cells,
  clv,
  common,
  diagnostics,
  finance,
  grids,
  history,
  covariates,
  models,
  residual,
  rfm,
  segments,
  summary,
  valuemodels,
} as const;

registerMessages(FUNCTION_AREAS);
