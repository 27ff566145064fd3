import {
  Button,
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
import type { SegmentationResult } from "../../engine/segmentation/types";
import type { Progress } from "../../excel/workbook";
import { formatNumber, Locale } from "../../i18n";
import { useLocale, useT } from "../locale-context";
import { IssueList } from "./IssueList";
import { ModelChoicePanel } from "./ModelChoicePanel";
import { ModelDiagnostics } from "./ModelDiagnostics";
import { ProgressPanel } from "./ProgressPanel";
import { SegmentChart } from "./SegmentChart";
import { Step } from "./Step";
import { TableScroller } from "./TableScroller";

const useStyles = makeStyles({
  swatch: {
    display: "inline-block",
    width: "0.8em",
    height: "0.8em",
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    verticalAlign: "middle",
  },
  table: { fontSize: tokens.fontSizeBase200 },
  thresholds: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const percent = (share: number, locale: Locale) => `${formatNumber(share * 100, locale, 1)} %`;
const amount = (value: number | undefined, locale: Locale) =>
  value === undefined ? "" : formatNumber(value, locale, 0);

export interface PreviewStepProps {
  result: SegmentationResult | null;
  computing: boolean;
  /** False while the table has blocking issues or a method field is invalid. */
  canPreview: boolean;
  onPreview: () => void;
  /** The tiered column, named in the value measure of quantile tiers. */
  valueColumn?: string;
  /** While computing: how far the calculation is (rows handed over, computing, results collected). */
  progress?: Progress | null;
  /** Stops the calculation; nothing has been written. */
  onCancel?: () => void;
}

export function PreviewStep({
  result,
  computing,
  canPreview,
  onPreview,
  valueColumn,
  progress = null,
  onCancel = () => undefined,
}: PreviewStepProps) {
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  const withClv = result?.preview.some((segment) => segment.averageClv !== undefined) ?? false;
  const total = result?.preview.reduce((sum, segment) => sum + segment.customers, 0) ?? 0;
  return (
    <Step id="step-preview" title={t("pane.step.preview")}>
      <div>
        <Button appearance={result ? "secondary" : "primary"} onClick={onPreview} disabled={!canPreview || computing}>
          {t("pane.preview.button")}
        </Button>
      </div>
      <div aria-live="polite">
        {computing && <ProgressPanel progress={progress} onCancel={onCancel} labelKey="pane.preview.computing" />}
        {result && !computing && (
          <>
            <Text weight="semibold">{t("pane.preview.nothingWritten")}</Text>
            <Text block>
              {t("pane.preview.valueMeasure", {
                measure: t(result.valueKey, result.valueParams ?? { column: valueColumn ?? "" }),
              })}
            </Text>
          </>
        )}
      </div>
      {result && !computing && (
        <>
          <TableScroller label={t("pane.preview.caption", { customers: total })}>
            <Table
              size="extra-small"
              className={styles.table}
              aria-label={t("pane.preview.caption", { customers: total })}
            >
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("pane.preview.col.segment")}</TableHeaderCell>
                  <TableHeaderCell>{t("pane.preview.col.customers")}</TableHeaderCell>
                  <TableHeaderCell>{t("pane.preview.col.customerShare")}</TableHeaderCell>
                  <TableHeaderCell>{t("pane.preview.col.value")}</TableHeaderCell>
                  <TableHeaderCell>{t("pane.preview.col.valueShare")}</TableHeaderCell>
                  {withClv && <TableHeaderCell>{t("pane.preview.col.averageClv")}</TableHeaderCell>}
                  {withClv && <TableHeaderCell>{t("pane.preview.col.maxCac")}</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.preview.map((segment) => (
                  <TableRow key={segment.segmentId}>
                    <TableCell>
                      <span className={styles.swatch} style={{ backgroundColor: segment.colour }} aria-hidden="true" />
                      {t(segment.labelKey, segment.labelParams)}
                    </TableCell>
                    <TableCell>{formatNumber(segment.customers, locale)}</TableCell>
                    <TableCell>{percent(segment.customerShare, locale)}</TableCell>
                    <TableCell>{amount(segment.value, locale)}</TableCell>
                    <TableCell>{percent(segment.valueShare, locale)}</TableCell>
                    {withClv && <TableCell>{amount(segment.averageClv, locale)}</TableCell>}
                    {withClv && <TableCell>{amount(segment.maxCac, locale)}</TableCell>}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroller>
          <SegmentChart segments={result.preview} />
          <ModelChoicePanel context={result.context} />
          <ModelDiagnostics report={result.modelReport} />
          {result.thresholds.length > 0 && (
            <section aria-label={t("pane.preview.thresholds")}>
              <Text weight="semibold">{t("pane.preview.thresholds")}</Text>
              <ul className={styles.thresholds}>
                {result.thresholds.map((threshold) => (
                  <li key={threshold.label}>
                    {threshold.label}: {threshold.breaks.map((value) => formatNumber(value, locale, 2)).join(" · ")}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <IssueList issues={result.warnings} warningTitle="pane.preview.warnings" />
        </>
      )}
    </Step>
  );
}
