import { memo } from "react";
import { Field, makeStyles, Radio, RadioGroup, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import type { MessageKey } from "../../i18n";
import type { ColumnMapping, DataShape, TableIssue } from "../../engine/segmentation/types";
import { useT } from "../locale-context";
import { IssueList } from "./IssueList";
import { Step } from "./Step";

const ROLES: Record<DataShape, (keyof ColumnMapping)[]> = {
  // The value column is chosen once, in Method (the quantile tiers' column picker).
  customers: ["customerId", "recency", "frequency", "monetary", "firstPurchase", "lastPurchase"],
  transactions: ["customerId", "date", "amount"],
};

const ROLE_LABELS: Record<keyof ColumnMapping, MessageKey> = {
  customerId: "pane.columns.field.customerId",
  date: "pane.columns.field.date",
  amount: "pane.columns.field.amount",
  recency: "pane.columns.field.recency",
  frequency: "pane.columns.field.frequency",
  monetary: "pane.columns.field.monetary",
  value: "pane.columns.field.value",
  firstPurchase: "selection.field.firstPurchase",
  lastPurchase: "selection.field.lastPurchase",
};

const useStyles = makeStyles({ fields: { display: "grid", gap: tokens.spacingVerticalS } });

export interface ColumnsStepProps {
  headers: string[];
  shape: DataShape;
  mapping: ColumnMapping;
  issues: TableIssue[];
  /** True while the data-quality checks run on the current choices. */
  checking?: boolean;
  onShapeChange: (shape: DataShape) => void;
  onMappingChange: (role: keyof ColumnMapping, header: string | undefined) => void;
  focusOnMount?: boolean;
  /** Selects a bad cell in Excel: the issues' addresses become links. */
  onSelectCell?: (cell: string) => void;
}

/** Shape of the table and which column plays each role; every suggestion can be corrected. */
function ColumnsStepView(props: ColumnsStepProps) {
  const { headers, shape, mapping, issues, onShapeChange, onMappingChange } = props;
  const t = useT();
  const styles = useStyles();
  return (
    <Step id="step-columns" title={t("pane.step.columns")} focusOnMount={props.focusOnMount}>
      <Text>{t("pane.columns.intro")}</Text>
      <Field label={t("pane.columns.shape.label")}>
        <RadioGroup value={shape} onChange={(_event, data) => onShapeChange(data.value as DataShape)}>
          <Radio value="customers" label={t("pane.columns.shape.customers")} />
          <Radio value="transactions" label={t("pane.columns.shape.transactions")} />
        </RadioGroup>
      </Field>
      <div className={styles.fields}>
        {ROLES[shape].map((role) => (
          <Field key={role} label={t(ROLE_LABELS[role])}>
            <Select
              value={mapping[role] ?? ""}
              onChange={(_event, data) => onMappingChange(role, data.value === "" ? undefined : data.value)}
            >
              <option value="">{t("pane.columns.notUsed")}</option>
              {headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <div aria-live="polite">
        {props.checking ? (
          <Spinner size="tiny" label={t("pane.columns.checking")} />
        ) : (
          <IssueList issues={issues} onSelectCell={props.onSelectCell} />
        )}
      </div>
    </Step>
  );
}

/** Rendered again only when its props change, not on each progress report of a long read, compute or write. */
export const ColumnsStep = memo(ColumnsStepView);
