import { Checkbox, Field, Select } from "@fluentui/react-components";
import type { CohortPeriod } from "../../engine/cohorts/cohort";
import type { DataShape, SegmentationMethod } from "../../engine/segmentation/types";
import { useT } from "../locale-context";

type ClvMethod = Extract<SegmentationMethod, { kind: "clvTiers" }>;

const PERIODS: readonly CohortPeriod[] = ["month", "quarter", "year"];

/**
 * The Method step's choice of the optional Forecast and Cohorts sheets (CLV tiers); the Cohorts sheet needs the
 * transaction log itself, so a customer table is offered the Forecast sheet only.
 */
export function FinanceSheetsFields({
  method,
  shape,
  onChange,
}: {
  method: ClvMethod;
  shape: DataShape;
  onChange: (method: ClvMethod) => void;
}) {
  const t = useT();
  return (
    <>
      <Checkbox
        checked={method.forecast === true}
        onChange={(_e, data) => onChange({ ...method, forecast: data.checked === true })}
        label={t("financesheet.pane.forecast")}
      />
      {shape === "transactions" && (
        <Field label={t("financesheet.pane.cohorts")}>
          <Select
            value={method.cohorts ?? ""}
            onChange={(_e, data) => {
              const period = PERIODS.find((candidate) => candidate === data.value);
              const next = { ...method, cohorts: period };
              if (!period) delete next.cohorts;
              onChange(next);
            }}
          >
            <option value="">{t("financesheet.pane.cohorts.none")}</option>
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`financesheet.pane.cohorts.${period}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
