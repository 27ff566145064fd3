import { memo, useState } from "react";
import { Checkbox, Field, makeStyles, Radio, RadioGroup, Select, Text, tokens } from "@fluentui/react-components";
import { formatNumber } from "../../i18n";
import { CHURN_BANDS } from "../../engine/segmentation/churn";
import { choiceCandidates } from "../../engine/models/selection";
import type { MessageKey } from "../../i18n";
import type { DataShape, SegmentationMethod } from "../../engine/segmentation/types";
import { DEFAULT_METHODS } from "../hooks/useSegmentationFlow";
import { useLocale, useT } from "../locale-context";
import { CompareByFields } from "./CompareByFields";
import { NumberField } from "./NumberField";
import { Step } from "./Step";
import { FinanceSheetsFields } from "./FinanceSheetsFields";

const BIN_CHOICES = [3, 4, 5, 10] as const;
const TIER_CHOICES = [2, 3, 4, 5, 10] as const;
const BIN_LABELS: Record<(typeof BIN_CHOICES)[number], MessageKey> = {
  3: "pane.method.bins.3",
  4: "pane.method.bins.4",
  5: "pane.method.bins.5",
  10: "pane.method.bins.10",
};

// One column that may be narrower than a select's longest option (the French CLV split pushed the pane sideways
// at 320 px): the select shrinks to the pane and shows its choice clipped to fit.
const useStyles = makeStyles({
  fields: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: "minmax(0, 1fr)",
    "& .fui-Field": { gridTemplateColumns: "minmax(0, 1fr)" },
    "& .fui-Select, & select": { minWidth: 0 },
  },
});

export interface MethodStepProps {
  method: SegmentationMethod;
  shape: DataShape;
  /** The columns quantile tiers can cut: numeric ones only (never the id, never dates). */
  tierColumns: string[];
  /** The column quantile tiers start from (the guessed value column, else the first numeric one). */
  defaultTierColumn: string;
  /** CLV tiers: the text columns a Channels sheet can compare by (none offered when absent). */
  compareColumns?: readonly string[];
  onChange: (method: SegmentationMethod) => void;
  onValidityChange: (valid: boolean) => void;
}

function MethodStepView(props: MethodStepProps) {
  const { method, shape, tierColumns, defaultTierColumn, onChange, onValidityChange } = props;
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());

  const numeric = (field: string, apply: (value: number) => SegmentationMethod) => (value: number | null) => {
    const next = new Set(invalid);
    if (value === null) next.add(field);
    else next.delete(field);
    setInvalid(next);
    onValidityChange(next.size === 0);
    if (value !== null) onChange(apply(value));
  };

  const changeKind = (kind: SegmentationMethod["kind"]) => {
    setInvalid(new Set());
    onValidityChange(true);
    if (kind === "quantileTiers") onChange({ ...DEFAULT_METHODS.quantileTiers, column: defaultTierColumn });
    else onChange(DEFAULT_METHODS[kind]);
  };

  return (
    <Step id="step-method" title={t("pane.step.method")}>
      <Field label={t("pane.method.kind.label")}>
        <RadioGroup
          value={method.kind}
          onChange={(_event, data) => changeKind(data.value as SegmentationMethod["kind"])}
        >
          <Radio value="rfm" label={t("pane.method.kind.rfm")} />
          <Radio value="clvTiers" label={t("pane.method.kind.clvTiers")} />
          <Radio value="quantileTiers" label={t("pane.method.kind.quantileTiers")} />
        </RadioGroup>
      </Field>
      <div className={styles.fields}>
        {method.kind === "rfm" && (
          <Field label={t("pane.method.bins.label")}>
            <Select
              value={String(method.bins)}
              onChange={(_e, data) => onChange({ ...method, bins: Number(data.value) })}
            >
              {BIN_CHOICES.map((bins) => (
                <option key={bins} value={bins}>
                  {`${bins} (${t(BIN_LABELS[bins])})`}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {method.kind === "clvTiers" && (
          <>
            {shape === "customers" && <Text>{t("selection.method.needsHistory")}</Text>}
            <Field label={t("selection.choice")} hint={t("selection.choice.hint")}>
              <Select
                value={method.purchaseModel ?? "bgnbd"}
                onChange={(_e, data) =>
                  onChange({ ...method, purchaseModel: data.value as NonNullable<typeof method.purchaseModel> })
                }
              >
                <option value="best">{t("selection.choice.best")}</option>
                {choiceCandidates().map((candidate) => (
                  <option key={candidate.name} value={candidate.name}>
                    {candidate.choice.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("pane.method.split.label")}>
              <Select
                value={method.split}
                onChange={(_e, data) =>
                  onChange({ ...method, split: data.value === "deciles" ? "deciles" : "20-30-50" })
                }
              >
                <option value="20-30-50">{t("pane.method.split.20-30-50")}</option>
                <option value="deciles">{t("pane.method.split.deciles")}</option>
              </Select>
            </Field>
            <NumberField
              label={t("pane.method.horizon.label")}
              value={method.horizonMonths}
              min={1}
              max={600}
              onChange={numeric("horizon", (value) => ({ ...method, horizonMonths: Math.round(value) }))}
            />
            <NumberField
              label={t("pane.method.discountRate.label")}
              value={round(method.discountRate * 100)}
              min={0}
              max={100}
              onChange={numeric("discount", (value) => ({ ...method, discountRate: value / 100 }))}
            />
            <NumberField
              label={t("pane.method.margin.label")}
              value={round(method.margin * 100)}
              min={0}
              max={100}
              onChange={numeric("margin", (value) => ({ ...method, margin: value / 100 }))}
            />
            <Field label={t("pane.method.timeUnit.label")}>
              <Select
                value={method.timeUnit}
                onChange={(_e, data) => onChange({ ...method, timeUnit: data.value as typeof method.timeUnit })}
              >
                <option value="days">{t("pane.method.timeUnit.days")}</option>
                <option value="weeks">{t("pane.method.timeUnit.weeks")}</option>
                <option value="months">{t("pane.method.timeUnit.months")}</option>
              </Select>
            </Field>
            <Checkbox
              checked={method.actionColumns === true}
              onChange={(_e, data) => onChange({ ...method, actionColumns: data.checked === true })}
              label={t("pane.method.actionColumns", {
                high: formatNumber(CHURN_BANDS.high * 100, locale, 0),
                low: formatNumber(CHURN_BANDS.low * 100, locale, 0),
              })}
            />
            <Checkbox
              checked={method.winBack === true}
              onChange={(_e, data) => onChange({ ...method, winBack: data.checked === true })}
              label={t("pane.method.winBack")}
            />
            <FinanceSheetsFields method={method} shape={shape} onChange={onChange} />
            {shape === "transactions" && (
              <CompareByFields method={method} columns={props.compareColumns ?? []} onChange={onChange} />
            )}
          </>
        )}
        {method.kind === "quantileTiers" && (
          <>
            <Field
              label={t("pane.method.column.label")}
              validationState={tierColumns.length === 0 ? "error" : "none"}
              validationMessage={tierColumns.length === 0 ? t("pane.method.column.noNumeric") : undefined}
            >
              <Select
                value={tierColumns.includes(method.column) ? method.column : ""}
                disabled={tierColumns.length === 0}
                onChange={(_e, data) => onChange({ ...method, column: data.value })}
              >
                {!tierColumns.includes(method.column) && (
                  <option value="" disabled>
                    {t("pane.method.column.none")}
                  </option>
                )}
                {tierColumns.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("pane.method.tiers.label")}>
              <Select
                value={String(method.tiers)}
                onChange={(_e, data) => onChange({ ...method, tiers: Number(data.value) })}
              >
                {TIER_CHOICES.map((tiers) => (
                  <option key={tiers} value={tiers}>
                    {tiers}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        )}
      </div>
    </Step>
  );
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** Rendered again only when its props change, not on each progress report of a long read, compute or write. */
export const MethodStep = memo(MethodStepView);
