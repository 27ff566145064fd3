/** The active sheet as a grid: column letters, the header row, data rows a page at a time, with the fills. */
import { useEffect, useState } from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Locale } from "../../i18n";
import { t } from "../../i18n";
import { formatCell } from "../cell-format";
import { columnLetters } from "../range-ref";
import { fillAt, fontColorAt, SheetView } from "../sheet-view";

export const PAGE_SIZE = 100;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minHeight: 0, flexGrow: 1 },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  letter: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 6px",
  },
  header: {
    position: "sticky",
    top: "20px",
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    textAlign: "left",
    whiteSpace: "nowrap",
  },
  ours: { boxShadow: `inset 0 -3px 0 ${tokens.colorBrandStroke1}` },
  rowNumber: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 6px",
    textAlign: "right",
  },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 6px", whiteSpace: "nowrap" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  number: { textAlign: "right" },
  pager: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface SheetGridProps {
  view: SheetView;
  locale: Locale;
  /** The selected cell (0-based sheet row, row 0 being the header row), if it is on this sheet. */
  selected?: { row: number; col: number } | null;
  /** A click on a cell selects it, as in Excel (the pane follows the selection). */
  onSelect?: (row: number, col: number) => void;
}

export function SheetGrid({ view, locale, selected, onSelect }: SheetGridProps) {
  const styles = useStyles();
  const [page, setPage] = useState(0);
  const total = view.rows.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  useEffect(() => setPage(0), [view.name]);
  const current = Math.min(page, pages - 1);
  const from = current * PAGE_SIZE;
  const rows = view.rows.slice(from, from + PAGE_SIZE);
  const own = new Set(view.ownColumns);
  const columns = view.headers.length;

  if (columns === 0) return <Text>{t("workbench.grid.empty", {}, locale)}</Text>;
  return (
    <div className={styles.root}>
      <div className={styles.pager}>
        <Button
          size="small"

          aria-label={t("workbench.grid.previous", {}, locale)}
          disabled={current === 0}
          onClick={() => setPage(current - 1)}
        >
          ‹
        </Button>
        <Text aria-live="polite" data-testid="grid-rows">
          {t("workbench.grid.rows", { from: total === 0 ? 0 : from + 1, to: from + rows.length, total }, locale)}
        </Text>
        <Button
          size="small"

          aria-label={t("workbench.grid.next", {}, locale)}
          disabled={current >= pages - 1}
          onClick={() => setPage(current + 1)}
        >
          ›
        </Button>
      </div>
      <div
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={t("workbench.grid.label", { sheet: view.name }, locale)}
      >
        <table className={styles.table} data-sheet={view.name}>
          <thead>
            <tr aria-hidden="true">
              <td className={styles.letter} />
              {view.headers.map((_, c) => (
                <td key={c} className={styles.letter}>
                  {columnLetters(c)}
                </td>
              ))}
            </tr>
            <tr>
              <th className={styles.rowNumber} scope="col">
                1
              </th>
              {view.headers.map((header, c) => (
                <th
                  key={c}
                  scope="col"
                  className={[
                    styles.header,
                    own.has(c) ? styles.ours : "",
                    selected?.row === 0 && selected.col === c ? styles.selected : "",
                  ].join(" ")}
                  onClick={onSelect ? () => onSelect(0, c) : undefined}
                  title={own.has(c) ? t("workbench.grid.ours", {}, locale) : undefined}
                  data-own={own.has(c) ? "true" : undefined}
                >
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={from + r}>
                <th scope="row" className={styles.rowNumber}>
                  {from + r + 2}
                </th>
                {Array.from({ length: columns }, (_, c) => {
                  const value = row[c] ?? "";
                  const fill = fillAt(view, from + r, c);
                  // Only what the add-in (or the user) wrote: no text colour Excel would not show.
                  const fontColor = fontColorAt(view, from + r, c);
                  return (
                    <td
                      key={c}
                      className={[
                        styles.cell,
                        typeof value === "number" ? styles.number : "",
                        selected?.row === from + r + 1 && selected.col === c ? styles.selected : "",
                      ].join(" ")}
                      onClick={onSelect ? () => onSelect(from + r + 1, c) : undefined}
                      style={
                        fill || fontColor || view.bold?.[from + r + 1]?.[c]
                          ? {
                              ...(fill ? { backgroundColor: fill } : {}),
                              ...(fontColor ? { color: fontColor } : {}),
                              ...(view.bold?.[from + r + 1]?.[c] ? { fontWeight: 600 } : {}),
                            }
                          : undefined
                      }
                      data-fill={fill ?? undefined}
                      data-font-color={fontColor ?? undefined}
                    >
                      {formatCell(value, view.cellFormats?.[from + r]?.[c] ?? view.numberFormats[c], locale)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
