/** CLV tiers' "compare by" picker: it offers the text columns, sets the column and the spend table, and checks the name. */
import "./dom-shims";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import { MethodStep } from "../../src/taskpane/components/MethodStep";
import type { SegmentationMethod } from "../../src/engine/segmentation/types";
import { renderPane } from "./render";

const CLV: SegmentationMethod = {
  kind: "clvTiers",
  split: "20-30-50",
  horizonMonths: 12,
  discountRate: 0.1,
  margin: 0.3,
  timeUnit: "weeks",
};

function renderStep(method: SegmentationMethod, onChange = jest.fn()) {
  renderPane(
    <MethodStep
      method={method}
      shape="transactions"
      tierColumns={["Amount"]}
      defaultTierColumn="Amount"
      compareColumns={["Channel", "Country"]}
      onChange={onChange}
      onValidityChange={jest.fn()}
    />,
  );
  return onChange;
}

test("offers nothing or a text column to compare by, and sets it", async () => {
  const onChange = renderStep(CLV);
  const picker = screen.getByLabelText(t("channels.pane.compareBy"));
  expect(picker).toHaveValue("");
  expect([...picker.querySelectorAll("option")].map((option) => option.textContent)).toEqual([
    t("channels.pane.compareByNone"),
    "Channel",
    "Country",
  ]);
  expect(screen.queryByLabelText(t("channels.pane.spendTable"))).toBeNull();
  await userEvent.selectOptions(picker, "Channel");
  expect(onChange).toHaveBeenLastCalledWith({ ...CLV, compareBy: "Channel" });
});

test("with a column, names the spend table and refuses a name Excel would refuse", async () => {
  const onChange = renderStep({ ...CLV, compareBy: "Channel", spendTable: "My spend" });
  expect(screen.getByLabelText(t("channels.pane.spendTable"))).toHaveValue("My spend");
  expect(screen.getByText(t("channels.issue.badTableName", { name: "My spend" }))).toBeInTheDocument();
  await userEvent.selectOptions(screen.getByLabelText(t("channels.pane.compareBy")), "");
  expect(onChange).toHaveBeenLastCalledWith(CLV);
});

test("a customer table has no compare-by (CLV tiers need a log)", () => {
  renderPane(
    <MethodStep
      method={CLV}
      shape="customers"
      tierColumns={[]}
      defaultTierColumn=""
      compareColumns={["Country"]}
      onChange={jest.fn()}
      onValidityChange={jest.fn()}
    />,
  );
  expect(screen.queryByLabelText(t("channels.pane.compareBy"))).toBeNull();
});
