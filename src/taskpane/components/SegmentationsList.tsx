import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useLocale, useT } from "../locale-context";
import { describeMethod, describeRecipe } from "../recipe-description";
import { recipeSheets, type StoredSegmentation } from "../stored-segmentations";
import { FailureBar } from "./FailureBar";

const useStyles = makeStyles({
  list: { display: "grid", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface SegmentationsListProps {
  entries: readonly StoredSegmentation[];
  /** The table under the selection, so its segmentation is marked. */
  currentTable: string | null;
  busy: boolean;
  onGoTo: (tableName: string) => void;
  onRefresh: (key: string) => void;
  onRemove: (key: string) => void;
}

/**
 * The workbook's segmentations, shown wherever the selection is (on the Segments sheet too): each says what was
 * done to which table, and offers to go to the table, refresh it or remove it.
 */
export function SegmentationsList({
  entries,
  currentTable,
  busy,
  onGoTo,
  onRefresh,
  onRemove,
}: SegmentationsListProps) {
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  if (entries.length === 0) return null;
  const shared = (table: string) =>
    entries.filter((entry) => entry.ok && entry.recipe.tableName.toLowerCase() === table.toLowerCase()).length > 1;
  return (
    <section aria-label={t("pane.recipe.heading")}>
      <Text weight="semibold" block>
        {t("pane.recipe.heading")}
      </Text>
      <ul className={styles.list}>
        {entries.map((entry) =>
          entry.ok ? (
            <li
              key={entry.key}
              className={
                currentTable !== null && entry.recipe.tableName.toLowerCase() === currentTable.toLowerCase()
                  ? `${styles.item} ${styles.current}`
                  : styles.item
              }
              aria-label={
                // Two segmentations of one table are told apart by their method.
                shared(entry.recipe.tableName)
                  ? t("resegment.item", {
                      table: entry.recipe.tableName,
                      method: describeMethod(entry.recipe.method, locale),
                    })
                  : t("pane.recipe.item", { table: entry.recipe.tableName })
              }
            >
              <Text weight="semibold">{t("pane.recipe.table", { table: entry.recipe.tableName })}</Text>
              <Text size={200}>
                {describeRecipe(entry.recipe, locale)}.{" "}
                {t("pane.recipe.columns", { columns: entry.recipe.ownColumns.join(", ") })}{" "}
                {t("resegment.sheets", { sheets: recipeSheets(entry.recipe).join(", ") })}
              </Text>
              <span className={styles.actions}>
                <Button size="small" onClick={() => onGoTo(entry.recipe.tableName)} disabled={busy}>
                  {t("pane.recipe.goTo")}
                </Button>
                <Button size="small" onClick={() => onRefresh(entry.key)} disabled={busy}>
                  {t("pane.recipe.refresh")}
                </Button>
                <Button size="small" onClick={() => onRemove(entry.key)} disabled={busy}>
                  {t("pane.recipe.remove")}
                </Button>
              </span>
            </li>
          ) : (
            <li key={entry.key}>
              <FailureBar titleKey="pane.recipe.unreadable" failure={entry.failure} />
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

/** On a sheet the add-in wrote: say so, instead of offering to turn the add-in's own summary into a table. */
export function OwnSheetNotice({ sheet, tableName, onGoTo }: { sheet: string; tableName: string; onGoTo: () => void }) {
  const t = useT();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("pane.table.ownSheet.title", { sheet })}</MessageBarTitle>
        {t("pane.table.ownSheet.body", { table: tableName })}{" "}
        <Button size="small" onClick={onGoTo}>
          {t("pane.recipe.goTo")}
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}
