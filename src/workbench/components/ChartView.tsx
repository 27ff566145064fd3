/** A sheet's chart drawn as horizontal bars (Excel draws the native chart; this is its stand-in). */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Locale } from "../../i18n";
import { formatNumber, t } from "../../i18n";
import { SeriesChart, type SeriesData } from "../../taskpane/components/SeriesChart";
import type { ChartData } from "../sheet-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0 },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "12px" },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "12px" },
});

const BAR_HEIGHT = 22;
const GAP = 6;
const LABEL_WIDTH = 200;
const BAR_WIDTH = 380;
const DEFAULT_BAR = "#4472C4";

export interface ChartBar {
  label: string;
  value: number;
  fill: string;
}

/** The chart's bars: categories as labels, numeric values as lengths, the category cell's fill as colour. */
export function chartBars(chart: ChartData, fills: readonly (string | null)[] = []): ChartBar[] {
  const bars: ChartBar[] = [];
  chart.categories.forEach((category, i) => {
    const value = chart.values[i];
    if (typeof value === "number") bars.push({ label: String(category), value, fill: fills[i] ?? DEFAULT_BAR });
  });
  return bars;
}

/** A line or column chart's series as the SVG chart draws them: numbers, blanks (not plotted) as null. */
export function chartSeries(chart: ChartData): SeriesData[] {
  const series = chart.series ?? [{ name: chart.title, type: chart.type, values: chart.values }];
  return series.map((one) => ({
    name: one.name,
    kind: one.type === "line" ? "line" : "column",
    values: chart.categories.map((_, i) => {
      const value = one.values[i];
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    }),
  }));
}

export function ChartView({
  chart,
  fills,
  locale,
}: {
  chart: ChartData;
  fills?: readonly (string | null)[];
  locale: Locale;
}) {
  const styles = useStyles();
  if (chart.type === "line" || chart.type === "column") {
    return (
      <figure className={styles.root} aria-label={t("workbench.chart.label", { title: chart.title }, locale)}>
        <SeriesChart
          title={chart.title}
          categories={chart.categories.map(String)}
          series={chartSeries(chart)}
          locale={locale}
          digits={1}
          width={640}
          height={300}
        />
      </figure>
    );
  }
  const bars = chartBars(chart, fills);
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  return (
    <figure className={styles.root} aria-label={t("workbench.chart.label", { title: chart.title }, locale)}>
      <Text as="h2" weight="semibold" size={400}>
        {chart.title}
      </Text>
      <svg width={LABEL_WIDTH + BAR_WIDTH + 90} height={height} role="img" aria-label={chart.title}>
        {bars.map((bar, i) => {
          const y = GAP + i * (BAR_HEIGHT + GAP);
          const width = max > 0 ? (bar.value / max) * BAR_WIDTH : 0;
          return (
            <g key={`${bar.label}-${i}`} data-bar={bar.label} data-value={bar.value}>
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
