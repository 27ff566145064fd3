/**
 * A small chart of one or several series over the same categories, drawn in SVG (Fluent UI v9 has no chart):
 * lines (tracking, actual vs model) or clustered columns (holdout purchases by frequency), with an optional
 * vertical marker (the end of the calibration window). Screen readers get the title, a one-line summary and the
 * values as a table; the picture itself is aria-hidden. Fits the pane's 320 px.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { formatNumber, type Locale } from "../../i18n";

export interface SeriesData {
  name: string;
  kind: "line" | "column";
  /** One per category; null where the series has no value (not plotted). */
  values: (number | null)[];
}

export interface SeriesChartProps {
  title: string;
  categories: string[];
  series: SeriesData[];
  /** A vertical line before category `index` (e.g. the first holdout period), labelled. */
  marker?: { index: number; label: string };
  locale: Locale;
  /** Digits shown for values (default 0). */
  digits?: number;
  width?: number;
  height?: number;
  /** Shown to screen readers before the table (e.g. "Actual and model repeat purchases per week"). */
  summary?: string;
}

/** Series colours: distinct in hue and, for the second, dashed, so the chart reads without colour vision. */
export const SERIES_COLOURS = ["#0F6CBD", "#C239B3", "#107C10", "#8A3707"] as const;

const useStyles = makeStyles({
  root: { margin: 0, display: "grid", gap: tokens.spacingVerticalXXS, maxWidth: "100%" },
  caption: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
  },
  swatch: { display: "inline-block", width: "12px", height: "3px", marginRight: "4px", verticalAlign: "middle" },
  axis: { fill: tokens.colorNeutralForeground3, fontSize: "9px" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/** The plotted geometry, computed apart from React so it can be tested. */
export interface ChartGeometry {
  max: number;
  /** Per series, for lines: an SVG path ("M x y L x y …", broken where values are null); for columns: rects. */
  paths: string[];
  rects: { series: number; category: number; x: number; y: number; width: number; height: number }[][];
  markerX?: number;
}

const PAD = { left: 34, right: 6, top: 6, bottom: 18 };

export function chartGeometry(
  categories: readonly string[],
  series: readonly SeriesData[],
  width: number,
  height: number,
  markerIndex?: number,
): ChartGeometry {
  const finite = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const max = Math.max(0, ...finite);
  const n = Math.max(1, categories.length);
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = height - PAD.top - PAD.bottom;
  const band = plotWidth / n;
  const y = (v: number) => PAD.top + plotHeight - (max > 0 ? (Math.max(0, v) / max) * plotHeight : 0);
  const centre = (i: number) => PAD.left + band * (i + 0.5);
  const columns = series.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "column");
  const columnWidth = (band * 0.8) / Math.max(1, columns.length);
  const paths = series.map((s) => {
    if (s.kind !== "line") return "";
    let path = "";
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      path += `${pen ? "L" : "M"}${centre(i).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    return path.trim();
  });
  const rects = series.map((s, si) => {
    const slot = columns.findIndex((column) => column.i === si);
    if (slot < 0) return [];
    return s.values.flatMap((v, i) => {
      if (v === null || !Number.isFinite(v)) return [];
      const x = PAD.left + band * i + band * 0.1 + slot * columnWidth;
      const top = y(v);
      return [{ series: si, category: i, x, y: top, width: columnWidth, height: PAD.top + plotHeight - top }];
    });
  });
  return {
    max,
    paths,
    rects,
    ...(markerIndex !== undefined && markerIndex >= 0 && markerIndex <= n
      ? { markerX: PAD.left + band * markerIndex }
      : {}),
  };
}

export function SeriesChart({
  title,
  categories,
  series,
  marker,
  locale,
  digits = 0,
  width = 300,
  height = 150,
  summary,
}: SeriesChartProps) {
  const styles = useStyles();
  const geometry = chartGeometry(categories, series, width, height, marker?.index);
  const format = (v: number | null) => (v === null ? "" : formatNumber(v, locale, digits));
  const bottom = height - PAD.bottom;
  const labelEvery = Math.max(1, Math.ceil(categories.length / 6));
  return (
    <figure className={styles.root}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.name}>
            <span
              className={styles.swatch}
              style={{ backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length], height: s.kind === "column" ? 8 : 3 }}
            />
            {s.name}
          </li>
        ))}
        {marker ? (
          <li>
            <span className={styles.swatch} style={{ borderTop: `2px dashed ${tokens.colorNeutralForeground3}` }} />
            {marker.label}
          </li>
        ) : null}
      </ul>
      <svg
        width="100%"
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: width }}
        aria-hidden="true"
        data-chart={title}
      >
        <line x1={PAD.left} x2={width - PAD.right} y1={bottom} y2={bottom} stroke={tokens.colorNeutralStroke1} />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={bottom} stroke={tokens.colorNeutralStroke1} />
        <text className={styles.axis} x={PAD.left - 3} y={PAD.top + 8} textAnchor="end">
          {format(geometry.max)}
        </text>
        <text className={styles.axis} x={PAD.left - 3} y={bottom} textAnchor="end">
          {format(0)}
        </text>
        {categories.map((category, i) =>
          i % labelEvery === 0 ? (
            <text
              key={`c${i}`}
              className={styles.axis}
              x={PAD.left + ((width - PAD.left - PAD.right) / Math.max(1, categories.length)) * (i + 0.5)}
              y={height - 5}
              textAnchor="middle"
            >
              {category}
            </text>
          ) : null,
        )}
        {geometry.rects.map((rects, si) =>
          rects.map((rect) => (
            <rect
              key={`r${si}-${rect.category}`}
              data-series={series[si].name}
              x={rect.x}
              y={rect.y}
              width={rect.width}
              height={rect.height}
              fill={SERIES_COLOURS[si % SERIES_COLOURS.length]}
            />
          )),
        )}
        {geometry.paths.map((path, si) =>
          path ? (
            <path
              key={`p${si}`}
              data-series={series[si].name}
              d={path}
              fill="none"
              stroke={SERIES_COLOURS[si % SERIES_COLOURS.length]}
              strokeWidth={2}
              strokeDasharray={si % 2 === 1 ? "5 3" : undefined}
            />
          ) : null,
        )}
        {geometry.markerX !== undefined ? (
          <line
            data-marker={marker?.label}
            x1={geometry.markerX}
            x2={geometry.markerX}
            y1={PAD.top}
            y2={bottom}
            stroke={tokens.colorNeutralForeground3}
            strokeDasharray="3 3"
          />
        ) : null}
      </svg>
      {/* The box is hidden, not the table: a table never shrinks below its content, so a 1 px table was still
          hundreds of pixels wide and pushed the 320 px pane into a sideways scroll. */}
      <div className={styles.hidden}>
      <table>
        <caption>{summary ?? title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, i) => (
            <tr key={`${category}-${i}`}>
              <th scope="row">{category}</th>
              {series.map((s) => (
                <td key={s.name}>{format(s.values[i] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
