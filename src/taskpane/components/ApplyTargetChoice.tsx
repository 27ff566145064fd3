import { Radio, RadioGroup } from "@fluentui/react-components";
import { describeMethod } from "../../engine/segmentation/describe";
import { useLocale, useT } from "../locale-context";
import type { ApplyTarget, TableSegmentation } from "../side-by-side";

export interface ApplyTargetChoiceProps {
  existing: readonly TableSegmentation[];
  target: ApplyTarget;
  onChange: (target: ApplyTarget) => void;
  disabled?: boolean;
}

const ADD = "add";

/**
 * Re-segmenting a table that already has a segmentation: replace it (its columns and sheets are rewritten) or add
 * this one beside it (new columns and sheets, e.g. "Segment (2)" and "Segments (2)"). Nothing when there is none.
 */
export function ApplyTargetChoice({ existing, target, onChange, disabled }: ApplyTargetChoiceProps) {
  const t = useT();
  const locale = useLocale();
  if (existing.length === 0) return null;
  const value = target.kind === "add" ? ADD : `replace:${target.key}`;
  return (
    <RadioGroup
      aria-label={t("resegment.legend")}
      value={value}
      disabled={disabled}
      onChange={(_, data) => {
        if (data.value === ADD) onChange({ kind: "add" });
        else onChange({ kind: "replace", key: data.value.slice("replace:".length) });
      }}
    >
      {existing.map(({ key, recipe }) => (
        <Radio
          key={key}
          value={`replace:${key}`}
          label={t("resegment.replace", {
            method: describeMethod(recipe.method, locale),
            columns: recipe.ownColumns.join(", "),
          })}
        />
      ))}
      <Radio value={ADD} label={t("resegment.add")} />
    </RadioGroup>
  );
}
