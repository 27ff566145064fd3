/** A method in plain words ("RFM (quintiles)", "CLV tiers (top 20 % / next 30 % / rest)"), for the pane and sheets. */
import { Locale, MessageKey, t } from "../../i18n";
import type { SegmentationMethod } from "./types";

const NAMED_BINS: Readonly<Record<number, MessageKey>> = {
  4: "segmentation.bins.quartiles",
  5: "segmentation.bins.quintiles",
  10: "segmentation.bins.deciles",
};

export function describeMethod(method: SegmentationMethod, locale: Locale): string {
  switch (method.kind) {
    case "rfm": {
      const named = NAMED_BINS[method.bins];
      const bins = named ? t(named, {}, locale) : t("segmentation.bins.n", { n: method.bins }, locale);
      return t("segmentation.method.rfm", { bins }, locale);
    }
    case "clvTiers":
      return t("segmentation.method.clvTiers", { split: t(`segmentation.split.${method.split}`, {}, locale) }, locale);
    case "quantileTiers":
      return t("segmentation.method.quantileTiers", { tiers: method.tiers, column: method.column }, locale);
  }
}
