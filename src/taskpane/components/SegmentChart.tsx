import { makeStyles, tokens } from "@fluentui/react-components";
import type { SegmentPreview } from "../../engine/segmentation/types";
import { formatNumber } from "../../i18n";
import { useLocale, useT } from "../locale-context";

const useStyles = makeStyles({
  chart: { display: "grid", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  row: { display: "grid", gridTemplateColumns: "7em 1fr", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", fontSize: tokens.fontSizeBase200 },
  bars: { display: "grid", gap: "2px" },
  bar: { height: "8px", borderRadius: tokens.borderRadiusSmall, minWidth: "1px" },
  value: { height: "8px", borderRadius: tokens.borderRadiusSmall, minWidth: "1px", opacity: 0.55 },
  legend: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const percent = (share: number, locale: "en" | "fr") => `${formatNumber(share * 100, locale, 1)} %`;

/** Two bars per segment (share of customers, share of value) in the segment's colour; read out as text. */
export function SegmentChart({ segments }: { segments: SegmentPreview[] }) {
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className={styles.legend}>
        {t("pane.preview.chart")} ({t("pane.preview.legendCustomers")} / {t("pane.preview.legendValue")})
      </figcaption>
      <ul className={styles.chart}>
        {segments.map((segment) => {
          const label = t(segment.labelKey, segment.labelParams);
          return (
            <li
              key={segment.segmentId}
              className={styles.row}
              aria-label={t("pane.preview.chartRow", {
                segment: label,
                customers: percent(segment.customerShare, locale),
                value: percent(segment.valueShare, locale),
              })}
            >
              <span className={styles.label} aria-hidden="true">
                {label}
              </span>
              <span className={styles.bars} aria-hidden="true">
                <span
                  className={styles.bar}
                  style={{ width: `${segment.customerShare * 100}%`, backgroundColor: segment.colour }}
                />
                <span
                  className={styles.value}
                  style={{ width: `${segment.valueShare * 100}%`, backgroundColor: segment.colour }}
                />
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
