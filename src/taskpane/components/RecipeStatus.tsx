import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from "@fluentui/react-components";
import type { Recipe } from "../../engine/segmentation/types";
import { useLocale, useT } from "../locale-context";
import { describeRecipe } from "../recipe-description";

const useStyles = makeStyles({ actions: { display: "flex", gap: tokens.spacingHorizontalS } });

export interface RecipeStatusProps {
  recipe: Recipe;
  busy: boolean;
  onRefresh: () => void;
  onRemove: () => void;
}

/** "Segmented on <date> by RFM (quintiles)", so a colleague who opens the file can refresh or remove it. */
export function RecipeStatus({ recipe, busy, onRefresh, onRemove }: RecipeStatusProps) {
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  return (
    <MessageBar intent="info" layout="multiline" aria-label={t("pane.recipe.heading")}>
      <MessageBarBody>
        {describeRecipe(recipe, locale)}. {t("pane.recipe.columns", { columns: recipe.ownColumns.join(", ") })}
      </MessageBarBody>
      <MessageBarActions>
        <span className={styles.actions}>
          <Button onClick={onRefresh} disabled={busy}>
            {t("pane.recipe.refresh")}
          </Button>
          <Button onClick={onRemove} disabled={busy}>
            {t("pane.recipe.remove")}
          </Button>
        </span>
      </MessageBarActions>
    </MessageBar>
  );
}
