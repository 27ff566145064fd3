import { useEffect, useRef, type ReactNode } from "react";
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  step: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { ...typographyStyles.subtitle2, margin: 0, outlineStyle: "none" },
});

/**
 * One step of the flow: a section named by its heading. When focusOnMount is set the heading takes focus as the
 * step appears, so keyboard and screen-reader users land on the new step instead of the top of the page.
 */
export function Step({ id, title, focusOnMount, children }: { id: string; title: string; focusOnMount?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  return (
    <section className={styles.step} aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
