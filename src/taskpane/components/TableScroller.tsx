import type { ReactNode } from "react";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Columns as wide as their words (Fluent's fixed layout gives each column the same share, so at 320 px
  // "Hibernating" or "Log-likelihood" ran over the next cell), and a sideways scroll of this box alone where even
  // that does not fit, never of the whole pane.
  scroller: { overflowX: "auto", maxWidth: "100%", "& table": { tableLayout: "auto" } },
});

/** Wraps a table that may be wider than the pane; focusable, so a keyboard can scroll it sideways. */
export function TableScroller({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
