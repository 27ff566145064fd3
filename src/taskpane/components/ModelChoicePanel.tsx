/**
 * The Preview's account of the models behind CLV tiers: each fitted model with how its fit ended, in plain words,
 * and, with "best on holdout", the comparison of the candidates (calibration fit, holdout accuracy) and the winner.
 */
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { FitStatus } from "../../engine/models/types";
import type { SegmentationContext } from "../../engine/segmentation/types";
import { isoDate } from "../../engine/transactions/dates";
import { formatNumber, Locale, MessageKey } from "../../i18n";
import { useLocale, useT } from "../locale-context";
import { TableScroller } from "./TableScroller";

const useStyles = makeStyles({
  table: { fontSize: tokens.fontSizeBase200 },
  section: { display: "grid", gap: tokens.spacingVerticalXS },
  chosen: { fontWeight: tokens.fontWeightSemibold },
});

const STATUS_KEY: Record<FitStatus, MessageKey> = {
  converged: "selection.status.converged",
  boundary: "selection.status.boundary",
  "not converged": "selection.status.notConverged",
};

const signedPercent = (share: number, locale: Locale) =>
  Number.isFinite(share) ? `${share > 0 ? "+" : share < 0 ? "−" : ""}${formatNumber(Math.abs(share) * 100, locale, 1)} %` : "";
const decimals = (value: number, locale: Locale, digits: number) =>
  Number.isFinite(value) ? formatNumber(value, locale, digits) : "";

export function ModelChoicePanel({ context }: { context: SegmentationContext | undefined }) {
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  if (!context?.models?.length) return null;
  const comparison = context.comparison;
  const winner = comparison?.rows.find((row) => row.chosen);
  return (
    <section className={styles.section} aria-label={t("selection.models")}>
      <Text weight="semibold">{t("selection.models")}</Text>
      <ul>
        {context.models.map((model) => (
          <li key={model.role} data-status={model.status}>
            {t(model.role === "purchases" ? "selection.used" : "selection.usedSpend", {
              model: model.model,
              status: t(STATUS_KEY[model.status]),
            })}
          </li>
        ))}
      </ul>
      {comparison && winner && (
        <>
          <Text weight="semibold">{t("selection.comparison")}</Text>
          <Text block>
            {t("selection.window", {
              first: isoDate(comparison.firstPurchase),
              calibrationEnd: isoDate(comparison.calibrationEnd),
              holdoutStart: isoDate(comparison.calibrationEnd + 1),
              asOf: isoDate(comparison.asOf),
              customers: formatNumber(comparison.calibrationCustomers, locale, 0),
            })}
          </Text>
          <TableScroller label={t("selection.comparison")}>
          <Table size="extra-small" className={styles.table} aria-label={t("selection.comparison")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("selection.header.model")}</TableHeaderCell>
                <TableHeaderCell>{t("selection.header.logLikelihood")}</TableHeaderCell>
                <TableHeaderCell>{t("selection.header.aic")}</TableHeaderCell>
                <TableHeaderCell>{t("selection.header.bic")}</TableHeaderCell>
                <TableHeaderCell>{t("selection.header.predicted")}</TableHeaderCell>
                <TableHeaderCell>{t("selection.header.actual")}</TableHeaderCell>
                <TableHeaderCell>{t("selection.header.error")}</TableHeaderCell>
                <TableHeaderCell>{t("selection.header.mae")}</TableHeaderCell>
                <TableHeaderCell>{t("selection.header.status")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {comparison.rows.map((row) => (
                <TableRow key={row.model} className={row.chosen ? styles.chosen : undefined}>
                  <TableCell>{row.chosen ? t("selection.chosenMark", { model: row.label }) : row.label}</TableCell>
                  <TableCell>{decimals(row.logLikelihood, locale, 1)}</TableCell>
                  <TableCell>{decimals(row.aic, locale, 1)}</TableCell>
                  <TableCell>{decimals(row.bic, locale, 1)}</TableCell>
                  <TableCell>{decimals(row.holdout.predictedTotal, locale, 0)}</TableCell>
                  <TableCell>{decimals(row.holdout.actualTotal, locale, 0)}</TableCell>
                  <TableCell>{signedPercent(row.holdout.relativeError, locale)}</TableCell>
                  <TableCell>{decimals(row.holdout.meanAbsoluteError, locale, 3)}</TableCell>
                  <TableCell>{t(STATUS_KEY[row.status])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          </TableScroller>
          <Text block>
            {t("selection.chosen", {
              model: winner.label,
              mae: decimals(winner.holdout.meanAbsoluteError, locale, 3),
              predicted: decimals(winner.holdout.predictedTotal, locale, 0),
              actual: decimals(winner.holdout.actualTotal, locale, 0),
              error: signedPercent(winner.holdout.relativeError, locale),
            })}
          </Text>
        </>
      )}
      {context.purchaseChoice?.by === "fallback" && context.purchaseChoice.fallbackReason && (
        <Text block>{t("selection.fallbackShort", { reason: context.purchaseChoice.fallbackReason })}</Text>
      )}
    </section>
  );
}
