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
  applying: boolean;
  progress: Progress | null;
  onApply: () => void;
  onCancel: () => void;
}

export function ApplyStep({ tableName, result, summarySheet, applying, progress, onApply, onCancel }: ApplyStepProps) {
  const t = useT();
  return (
    <Step id="step-apply" title={t("pane.step.apply")}>
      <Text>
        {t("pane.apply.explain", { count: result.columns.length, table: tableName, sheet: summarySheet })}
      </Text>
      <Text size={200}>{result.columns.map((column) => column.header).join(", ")}</Text>
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
