/**
 * One mechanism for every function: a per-row message ("row 7 holds …", the row 1-based within the argument's range)
 * becomes the same message naming the cell ("Sheet1!D7 holds …") when Excel gave the address of the argument
 * concerned (@requiresParameterAddresses; addressesOf in cell-address.ts). Without an address the message stays as it
 * is, naming the row.
 *
 * An error locates its cell by its params: `row` (1-based within the range) and, for a cell of a 2-D range, `column`
 * (1-based within the range; a column the caller knows, such as eachRow's, is passed to namingCell instead). The
 * argument is the message's own {arg}, or the one CELL_VARIANTS names for messages about a fixed argument.
 */
import { InputError } from "../engine/errors";
import type { MessageKey, MessageParams } from "../i18n";
import { cellAt } from "./cell-address";

interface CellVariant {
  /** The message naming the cell (src/i18n/messages/cells.ts). */
  key: MessageKey;
  /** The argument whose range holds the cell, when the message has no {arg} of its own. */
  arg?: string;
}

/** Every per-row message a function can give, and its variant naming the cell. */
export const CELL_VARIANTS: Partial<Record<MessageKey, CellVariant>> = {
  "args.notNumberAt": { key: "cells.notNumber" },
  "args.errorAt": { key: "cells.error" },
  "args.blankAt": { key: "cells.blank" },
  "args.notIntegerAt": { key: "cells.notInteger" },
  "args.negativeAt": { key: "cells.negative" },
  "args.notPositiveAt": { key: "cells.notPositive" },
  "args.notFiniteAt": { key: "cells.notFinite" },
  "args.tooLargeAt": { key: "cells.tooLarge" },
  "args.tooSmallAt": { key: "cells.tooSmall" },
  "args.rateOver100At": { key: "cells.rateOver100" },
  "history.recencyAfterAgeAt": { key: "cells.recencyAfterAge", arg: "recency" },
  "history.recencyWithoutPurchaseAt": { key: "cells.recencyWithoutPurchase", arg: "recency" },
  "covariates.notNumber": { key: "cells.covariateNotNumber" },
  "models.frequencyNotInteger": { key: "cells.frequencyNotInteger", arg: "frequency" },
  "models.frequencyNegative": { key: "cells.frequencyNegative", arg: "frequency" },
  "models.recencyNegative": { key: "cells.recencyNegative", arg: "recency" },
  "models.recencyAfterAge": { key: "cells.recencyGreaterThanAge", arg: "recency" },
  "models.recencyWithoutPurchase": { key: "cells.recencyWithoutRepeat", arg: "recency" },
  "models.ageNegative": { key: "cells.ageNegative", arg: "T" },
  "models.weightNegative": { key: "cells.weightNegative", arg: "weights" },
  "models.holdoutNegative": { key: "cells.holdoutNegative", arg: "holdout_purchases" },
  "residual.trackingBadAge": { key: "cells.trackingBadAge", arg: "T" },
  "residual.trackingBadWeight": { key: "cells.trackingBadWeight", arg: "weights" },
  "residual.trackingNotWholeAge": { key: "cells.trackingNotWholeAge", arg: "T" },
  "rfm.breaksNotAscending": { key: "cells.breaksNotAscending", arg: "breaks" },
  "rfm.breaksPartlyBlank": { key: "cells.breaksPartlyBlank", arg: "breaks" },
  "segments.scoreOutOfRange": { key: "cells.scoreOutOfRange" },
  "summary.blankId": { key: "cells.blankId", arg: "customer_ids" },
  "summary.blankDate": { key: "cells.blankDate", arg: "dates" },
  "summary.dateText": { key: "cells.dateText", arg: "dates" },
  "summary.dateOutOfRange": { key: "cells.dateOutOfRange", arg: "dates" },
  "summary.blankAmount": { key: "cells.blankAmount", arg: "amounts" },
  "summary.notFiniteAmount": { key: "cells.notFiniteAmount", arg: "amounts" },
  "valuemodels.gg.nonPositiveSpend": { key: "cells.ggNonPositiveSpend", arg: "monetary" },
  "valuemodels.gg.spendNotPositiveAt": { key: "cells.ggSpendNotPositive", arg: "monetary" },
  "valuemodels.bgbb.notCount": { key: "cells.notCount" },
  "valuemodels.badWeight": { key: "cells.badWeight", arg: "weights" },
  "valuemodels.blankAt": { key: "cells.blankValue" },
  "valuemodels.bgbb.recencyAfterPeriods": { key: "cells.recencyAfterPeriods", arg: "recency" },
  "valuemodels.bgbb.frequencyAboveRecency": { key: "cells.frequencyAboveRecency", arg: "frequency" },
  "valuemodels.bgbb.recencyWithoutPurchase": { key: "cells.recencyWithoutTransaction", arg: "recency" },
  "valuemodels.sbg.negative": { key: "cells.survivorsNegative", arg: "survivors" },
  "valuemodels.sbg.increasing": { key: "cells.survivorsIncreasing", arg: "survivors" },
  "valuemodels.clv.spendMissing": { key: "cells.spendMissing", arg: "spend" },
  "valuemodels.clv.negativeSpend": { key: "cells.negativeSpend", arg: "spend" },
  "valuemodels.recencyAfterAge": { key: "cells.recencyExceedsAge", arg: "recency" },
  "finance.forecast.badNewCustomers": { key: "cells.badNewCustomers", arg: "new_customers" },
  "finance.forecast.badCac": { key: "cells.badCac", arg: "cac" },
  "clv.countIsTextAt": { key: "cells.countIsText" },
  "diagnostics.hugeFrequency": { key: "cells.hugeFrequency", arg: "frequency" },
  "valuemodels.bgbb.tooManyOpportunitiesAt": { key: "cells.tooManyOpportunities" },
};

/**
 * A per-row error as the same error naming its cell, when Excel gave the address of the argument concerned;
 * otherwise (no address, not a per-row message, a cell outside the sheet) the error as it is. `col` is the column
 * within the range (0-based) when the error's params do not say it.
 */
export function namingCell(error: unknown, addresses: ReadonlyMap<string, string> | undefined, col = 0): unknown {
  if (!(error instanceof InputError)) return error;
  const named = messageNamingCell(error, addresses, col);
  return named === error ? error : new InputError(error.kind, named.key, named.params);
}

/** A message as a key and its params (an error's, or a fit's diagnosis in its table). */
export interface CellMessage {
  key: MessageKey;
  params: Readonly<MessageParams>;
}

/** namingCell for any message: the variant naming the cell, or the message itself. */
export function messageNamingCell<M extends CellMessage>(
  message: M,
  addresses: ReadonlyMap<string, string> | undefined,
  col = 0,
): M | CellMessage {
  if (!addresses || addresses.size === 0) return message;
  const variant = CELL_VARIANTS[message.key];
  const row = message.params.row;
  if (!variant || typeof row !== "number") return message;
  const arg = variant.arg ?? message.params.arg;
  // RowFrame.locate (args.ts) sets the offsets within the argument where the row and column do not give them: a
  // single cell named for a row of a grid, a column of frequencies read across a grid's columns.
  const { cellRow, cellColumn } = message.params;
  const column =
    typeof cellColumn === "number"
      ? cellColumn
      : typeof message.params.column === "number"
        ? message.params.column - 1
        : col;
  const offset = typeof cellRow === "number" ? cellRow : row - 1;
  const cell = typeof arg === "string" ? cellAt(addresses.get(arg), offset, column) : undefined;
  if (cell === undefined) return message;
  return { key: variant.key, params: { ...message.params, cell } };
}

/**
 * An error from code that numbers rows within the rows it was given (the engine gets the rows a function kept,
 * without the blank ones) as the same error numbering the range's row: `kept[i]` is the 0-based range row of the
 * i-th row given. Errors without a row, or with one outside `kept`, are returned as they are.
 */
export function inRangeRows(error: unknown, kept: readonly number[]): unknown {
  if (!(error instanceof InputError)) return error;
  const moved = messageInRangeRows(error, kept);
  return moved === error ? error : new InputError(error.kind, moved.key, moved.params);
}

/** inRangeRows for any message (a fit's diagnosis names a row among the customers kept too). */
export function messageInRangeRows<M extends CellMessage>(message: M, kept: readonly number[]): M | CellMessage {
  const row = message.params.row;
  if (typeof row !== "number" || !Number.isInteger(row) || row < 1 || row > kept.length) return message;
  return { key: message.key, params: { ...message.params, row: kept[row - 1] + 1 } };
}

/**
 * Addresses under another name: the engine's messages name some arguments by what they hold ("survivors",
 * "periods") where the function's parameter has another name (CUST.FIT's frequency, T).
 */
export function aliasAddresses(
  addresses: Map<string, string>,
  aliases: Readonly<Record<string, string>>,
): Map<string, string> {
  for (const [alias, parameter] of Object.entries(aliases)) {
    const address = addresses.get(parameter);
    if (address !== undefined) addresses.set(alias, address);
  }
  return addresses;
}

/**
 * Runs `body`, and names the function's own argument in an error the engine raised about an argument it calls by
 * another name (BG/BB's "opportunities" and "purchases" are a function's t, n or holdout_length).
 */
export function namingArgument<T>(body: () => T, names: Readonly<Record<string, string>>): T {
  try {
    return body();
  } catch (error) {
    const arg = error instanceof InputError ? error.params.arg : undefined;
    if (typeof arg !== "string" || !(arg in names)) throw error;
    throw new InputError((error as InputError).kind, (error as InputError).key, {
      ...(error as InputError).params,
      arg: names[arg],
    });
  }
}
