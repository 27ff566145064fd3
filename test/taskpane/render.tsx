/** Renders pane components the way the pane does: inside Fluent's provider and the pane's language. */
import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Locale } from "../../src/i18n";
import { LocaleContext } from "../../src/taskpane/locale-context";

export function renderPane(ui: ReactElement, locale: Locale = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LocaleContext.Provider value={locale}>{ui}</LocaleContext.Provider>
    </FluentProvider>,
  );
}
