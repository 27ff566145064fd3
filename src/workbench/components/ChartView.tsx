/** A sheet's chart drawn as horizontal bars (Excel draws the native chart; this is its stand-in). */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Locale } from "../../i18n";
import { formatNumber, t } from "../../i18n";
import { SheetView } from "../sheet-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "720px" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "12px" },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "12px" },
});

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 200;
const BAR_WIDTH = 380;
const DEFAULT_BAR = "#4472C4";

export interface ChartBar {
  label: string;
  value: number;
  fill: string;
}

/** The bars of a sheet's chart: first column as labels, the chart's value column as lengths. */
export function chartBars(view: SheetView): ChartBar[] {
  const chart = view.chart;
  if (!chart) return [];
  return view.rows
    .filter((row) => typeof row[chart.valueColumn] === "number")
    .map((row, i) => ({
      label: String(row[0]),
      value: row[chart.valueColumn] as number,
      fill: view.fills[0]?.[i] ?? DEFAULT_BAR,
    }));
}

export function ChartView({ view, locale }: { view: SheetView; locale: Locale }) {
  const styles = useStyles();
  const bars = chartBars(view);
  const title = view.chart?.title ?? view.name;
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const height = bars.length * (BAR_HEIGHT + 6) + 6;
  return (
    <figure className={styles.root} aria-label={t("workbench.chart.label", { title }, locale)}>
      <Text as="h2" weight="semibold" size={400}>
        {title}
      </Text>
      <svg width={LABEL_WIDTH + BAR_WIDTH + 90} height={height} role="img" aria-label={title}>
        {bars.map((bar, i) => {
          const y = 6 + i * (BAR_HEIGHT + 6);
          const width = max > 0 ? (bar.value / max) * BAR_WIDTH : 0;
          return (
            <g key={bar.label} data-bar={bar.label} data-value={bar.value}>
              <text className={styles.label} x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 4} textAnchor="end">
                {bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} fill={bar.fill} />
              <text className={styles.value} x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT / 2 + 4}>
                {formatNumber(bar.value, locale, 2)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
