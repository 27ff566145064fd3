/**
 * The Preview's diagnostics of the purchase model behind CLV tiers on a log: the headline accuracy on the
 * holdout, the tracking of cumulative repeat purchases (actual vs model, the end of calibration marked) and the
 * holdout purchases by calibration frequency (actual vs predicted), as small charts; the Model sheet has them all.
 */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ModelReport } from "../../engine/models/report";
import { accuracyLine, modelSheetName } from "../../engine/segmentation/model-sheet";
import { useLocale, useT } from "../locale-context";
import { SeriesChart } from "./SeriesChart";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** holdoutByFrequency's last group collects customers with this many repeat purchases or more. */
const LAST_GROUP = 7;

export function ModelDiagnostics({ report }: { report: ModelReport | undefined }) {
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  if (!report) return null;
  const unit = t(`modelsheet.unit.${report.timeUnit}`);
  const holdout = report.holdout;
  const marked = report.calibrationEnd !== null && report.calibrationPeriods < report.tracking.length;
  return (
    <section className={styles.section} aria-label={t("modelsheet.preview.title")} data-testid="model-diagnostics">
      <Text weight="semibold">{t("modelsheet.preview.title")}</Text>
      <Text block data-testid="accuracy-line">
        {accuracyLine(report, locale)}
      </Text>
      {report.tracking.length > 0 && (
        <SeriesChart
          title={t("modelsheet.preview.tracking")}
          summary={t("modelsheet.preview.trackingSummary", { unit, period: report.calibrationPeriods })}
          categories={report.tracking.map((row) => String(row.end))}
          series={[
            { name: t("modelsheet.header.actual.cumulative"), kind: "line", values: report.tracking.map((row) => row.actualCumulative) },
            { name: t("modelsheet.header.model.cumulative"), kind: "line", values: report.tracking.map((row) => row.modelCumulative) },
          ]}
          {...(marked ? { marker: { index: report.calibrationPeriods, label: t("modelsheet.header.marker") } } : {})}
          locale={locale}
        />
      )}
      {holdout && holdout.rows.length > 0 && (
        <SeriesChart
          title={t("modelsheet.preview.byFrequency")}
          summary={t("modelsheet.preview.byFrequencySummary")}
          categories={holdout.rows.map((row) => (row.bucket >= LAST_GROUP ? `${row.bucket}+` : String(row.bucket)))}
          series={[
            { name: t("modelsheet.header.actualMean"), kind: "column", values: holdout.rows.map((row) => row.actual) },
            { name: t("modelsheet.header.predictedMean"), kind: "column", values: holdout.rows.map((row) => row.predicted) },
          ]}
          locale={locale}
          digits={2}
        />
      )}
      <Text block className={styles.note}>
        {t("modelsheet.preview.sheetNote", { sheet: modelSheetName(locale) })}
      </Text>
    </section>
  );
}
