/** The Method step's choice of the Forecast and Cohorts sheets (CLV tiers): what each control puts in the method. */
import "./dom-shims";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import { MethodStep } from "../../src/taskpane/components/MethodStep";
import { DEFAULT_METHODS } from "../../src/taskpane/hooks/useSegmentationFlow";
import { renderPane } from "./render";

function renderMethod(method = DEFAULT_METHODS.clvTiers, shape: "transactions" | "customers" = "transactions") {
  const onChange = jest.fn();
  renderPane(
    <MethodStep
      method={method}
      shape={shape}
      tierColumns={[]}
      defaultTierColumn=""
      onChange={onChange}
      onValidityChange={jest.fn()}
    />,
  );
  return onChange;
}

describe("Forecast and Cohorts sheets in the Method step", () => {
  test("both are off by default; the checkbox asks for a Forecast sheet", async () => {
    const onChange = renderMethod();
    const forecast = screen.getByRole("checkbox", { name: t("financesheet.pane.forecast") });
    expect(forecast).not.toBeChecked();
    const cohorts = screen.getByLabelText(t("financesheet.pane.cohorts"));
    expect(cohorts).toHaveValue("");
    await userEvent.click(forecast);
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_METHODS.clvTiers, forecast: true });
  });

  test("the cohort period is chosen by month, quarter or year, and No removes it", async () => {
    const onChange = renderMethod({ ...DEFAULT_METHODS.clvTiers, cohorts: "month" });
    const cohorts = screen.getByLabelText(t("financesheet.pane.cohorts"));
    expect(Array.from((cohorts as HTMLSelectElement).options).map((option) => option.value)).toEqual([
      "",
      "month",
      "quarter",
      "year",
    ]);
    await userEvent.selectOptions(cohorts, "quarter");
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_METHODS.clvTiers, cohorts: "quarter" });
    await userEvent.selectOptions(cohorts, "");
    expect(onChange).toHaveBeenLastCalledWith(DEFAULT_METHODS.clvTiers);
  });

  test("a customer table is offered the Forecast sheet, not the Cohorts sheet (it needs the log)", () => {
    renderMethod(DEFAULT_METHODS.clvTiers, "customers");
    expect(screen.getByRole("checkbox", { name: t("financesheet.pane.forecast") })).toBeInTheDocument();
    expect(screen.queryByLabelText(t("financesheet.pane.cohorts"))).toBeNull();
  });

  test("they are offered with CLV tiers only", () => {
    renderMethod({ kind: "rfm", bins: 5 } as never);
    expect(screen.queryByRole("checkbox", { name: t("financesheet.pane.forecast") })).toBeNull();
  });
});
