import type { ReactNode } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { Progress } from "../../excel/workbook";
import type { SegmentationResult } from "../../engine/segmentation/types";
import { useT } from "../locale-context";
import { ProgressPanel } from "./ProgressPanel";
import { Step } from "./Step";

export interface ApplyStepProps {
  tableName: string;
  result: SegmentationResult;
  summarySheet: string;
  /** The headers Apply will write, when known (they differ from the method's beside another segmentation). */
  columnNames?: readonly string[] | null;
  applying: boolean;
  progress: Progress | null;
  onApply: () => void;
  onCancel: () => void;
  /** Shown before the Apply button (the replace-or-add choice when the table already has a segmentation). */
  children?: ReactNode;
}

export function ApplyStep({
  tableName,
  result,
  summarySheet,
  columnNames,
  applying,
  progress,
  onApply,
  onCancel,
  children,
}: ApplyStepProps) {
  const t = useT();
  return (
    <Step id="step-apply" title={t("pane.step.apply")}>
      <Text>
        {t("pane.apply.explain", { count: result.columns.length, table: tableName, sheet: summarySheet })}
      </Text>
      <Text size={200}>{(columnNames ?? result.columns.map((column) => column.header)).join(", ")}</Text>
      {children}
      {applying ? (
        <ProgressPanel progress={progress} onCancel={onCancel} />
      ) : (
        <div>
          <Button appearance="primary" onClick={onApply}>
            {t("pane.apply.button")}
          </Button>
        </div>
      )}
    </Step>
  );
}
