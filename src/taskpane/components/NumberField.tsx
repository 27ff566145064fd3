import { useEffect, useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { useLocale, useT } from "../locale-context";

export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Called with the new number, or null while the text is not a number in range. */
  onChange: (value: number | null) => void;
}

/** A labelled number input that accepts "12,5" as well as "12.5" and says what range it wants. */
export function NumberField({ label, value, min, max, onChange }: NumberFieldProps) {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((current) => (parse(current) === value ? current : String(value)));
  }, [value]);
  const parsed = parse(text);
  const valid = parsed !== null && parsed >= min && parsed <= max;
  return (
    <Field
      label={label}
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? undefined : t("pane.method.outOfRange", { min, max })}
    >
      <Input
        inputMode="decimal"
        lang={locale}
        value={text}
        onChange={(_event, data) => {
          setText(data.value);
          const next = parse(data.value);
          onChange(next !== null && next >= min && next <= max ? next : null);
        }}
      />
    </Field>
  );
}

function parse(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "" || !/^-?\d*\.?\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}
