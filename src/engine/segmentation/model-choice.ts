/**
 * What the CLV tiers say about their models: why best on holdout fell back, that BG/NBD keeps every one-time buyer
 * alive, and how each fit ended (converged / boundary / not converged) in plain words.
 */
import { formatNumber, Locale, t } from "../../i18n";
import { describeDiagnosis } from "../models/diagnosis";
import type { PurchaseModelChoice } from "../models/selection";
import type { FittedModel } from "../models/types";
import { isoDate } from "../transactions/dates";
import type { SegmentationContext, TableIssue } from "./types";

const warning = (key: TableIssue["key"], params: TableIssue["params"] = {}): TableIssue => ({
  key,
  params,
  cells: [],
  severity: "warning",
});

/** The model whose drop-out starts only after a repeat purchase: its one-time buyers are all alive. */
const KEEPS_ONE_TIME_BUYERS_ALIVE = "bgnbd";

export function purchaseChoiceWarnings(
  choice: PurchaseModelChoice,
  spendFit: FittedModel,
  frequency: ArrayLike<number>,
  locale: Locale,
): TableIssue[] {
  const out: TableIssue[] = [];
  if (choice.fallback) {
    out.push(warning("selection.fallback", { reason: t(choice.fallback.key, choice.fallback.params, locale) }));
  }
  if (choice.model === KEEPS_ONE_TIME_BUYERS_ALIVE) {
    let once = 0;
    for (let c = 0; c < frequency.length; c++) if (frequency[c] === 0) once++;
    if (once > 0) out.push(warning("selection.bgnbdOneTimeBuyers", { customers: once }));
  }
  const fits = [
    { fit: choice.fit, name: t("selection.model.purchases", { model: choice.label }, locale) },
    { fit: spendFit, name: t("selection.model.spend", {}, locale) },
  ];
  for (const { fit, name } of fits) {
    const status = fit.status ?? (fit.converged ? "converged" : "not converged");
    if (status === "converged") continue;
    const detail = describeDiagnosis(fit.diagnosis, locale) || (fit.message ?? fit.model);
    out.push(
      status === "boundary"
        ? warning("selection.fitBoundary", { model: name, detail })
        : warning("segmentation.issue.fitNotConverged", { model: name, detail }),
    );
  }
  return out;
}

/**
 * The Segments sheet's line on how the purchase model was chosen: with best on holdout, the winner, the holdout
 * window and every candidate's mean absolute error; after a fallback, why. Null for a model given by name (the
 * purchase-model line names it), so recipes written before the choice keep their sheet.
 */
export function purchaseChoiceLine(context: SegmentationContext | undefined, locale: Locale): string | null {
  const choice = context?.purchaseChoice;
  if (!choice || choice.by === "given") return null;
  const comparison = context?.comparison;
  if (choice.by === "holdout" && comparison) {
    const winner = comparison.rows.find((row) => row.chosen);
    if (!winner) return null;
    const mae = (value: number) => formatNumber(value, locale, 3);
    return t(
      "selection.sheet.holdout",
      {
        model: winner.label,
        holdoutStart: isoDate(comparison.calibrationEnd + 1),
        asOf: isoDate(comparison.asOf),
        errors: comparison.rows.map((row) => `${row.label} ${mae(row.holdout.meanAbsoluteError)}`).join("; "),
      },
      locale,
    );
  }
  return t("selection.sheet.fallback", { reason: choice.fallbackReason ?? "" }, locale);
}
