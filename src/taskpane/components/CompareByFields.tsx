import { Field, Input, Select, Text } from "@fluentui/react-components";
import { defaultSpendTableName, isTableName } from "../../engine/channels/spend-table";
import type { SegmentationMethod } from "../../engine/segmentation/types";
import { useLocale, useT } from "../locale-context";

type ClvTiers = Extract<SegmentationMethod, { kind: "clvTiers" }>;

export interface CompareByFieldsProps {
  method: ClvTiers;
  /** The text columns the table can be compared by (channel, country…). */
  columns: readonly string[];
  onChange: (method: ClvTiers) => void;
}

/** CLV tiers' optional "compare by" column and the spend table its Channels sheet reads. */
export function CompareByFields({ method, columns, onChange }: CompareByFieldsProps) {
  const t = useT();
  const locale = useLocale();
  const offered =
    method.compareBy !== undefined && !columns.includes(method.compareBy) ? [method.compareBy, ...columns] : columns;
  const spendTable = method.spendTable ?? defaultSpendTableName(locale);
  const validName = isTableName(spendTable);
  const change = (compareBy: string) => {
    const rest: ClvTiers = { ...method };
    delete rest.compareBy;
    delete rest.spendTable;
    onChange(compareBy === "" ? rest : { ...rest, compareBy, ...(method.spendTable ? { spendTable } : {}) });
  };
  return (
    <>
      <Field label={t("channels.pane.compareBy")}>
        <Select value={method.compareBy ?? ""} onChange={(_e, data) => change(data.value)}>
          <option value="">{t("channels.pane.compareByNone")}</option>
          {offered.map((header) => (
            <option key={header} value={header}>
              {header}
            </option>
          ))}
        </Select>
      </Field>
      {method.compareBy !== undefined && (
        <>
          <Field
            label={t("channels.pane.spendTable")}
            validationState={validName ? "none" : "error"}
            validationMessage={validName ? undefined : t("channels.issue.badTableName", { name: spendTable })}
          >
            <Input value={spendTable} onChange={(_e, data) => onChange({ ...method, spendTable: data.value.trim() })} />
          </Field>
          <Text size={200}>{t("channels.pane.hint")}</Text>
        </>
      )}
    </>
  );
}
