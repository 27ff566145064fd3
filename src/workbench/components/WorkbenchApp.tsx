/**
 * The workbench page: the in-memory workbook's sheets as a grid on the left, the real task pane in an
 * iframe on the right (it finds the workbook on window.parent), the functions gallery as a tab.
 */
import { useEffect, useMemo, useState } from "react";
import {
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { t } from "../../i18n";
import { setFunctionsLocale } from "../../functions/locale";
import { parseFunctionsMetadata } from "../functions-metadata";
import { registeredFunctions } from "../function-registry";
import { createSession, exposeToPane, WorkbenchSession } from "../session";
import { displayLanguageOf, settingsQuery, WorkbenchSettings } from "../settings";
import { readSheetView, sheetCells } from "../sheet-view";
import { ChartView } from "./ChartView";
import { FunctionsGallery, MetadataState } from "./FunctionsGallery";
import { SheetGrid } from "./SheetGrid";
import { WorkbenchToolbar } from "./WorkbenchToolbar";

const useStyles = makeStyles({
  root: {
    height: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    flexWrap: "wrap",
  },
  titles: { display: "flex", flexDirection: "column" },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  sheetArea: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
  },
  tabPanel: { flexGrow: 1, minHeight: 0, display: "flex", flexDirection: "column", overflow: "auto" },
  pane: {
    width: "380px",
    flexShrink: 0,
    border: "none",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

type TabId = `sheet:${string}` | `chart:${string}` | "functions";

/** A chart's tab: "chart:Segments" for a sheet's first chart, "chart:Segments#2" for its second. */
function chartTab(sheet: string, index: number, charts: readonly { sheet: string }[]): TabId {
  const nth = charts.slice(0, index).filter((chart) => chart.sheet === sheet).length;
  return nth === 0 ? `chart:${sheet}` : `chart:${sheet}#${nth + 1}`;
}

function useMetadata(locale: WorkbenchSettings["locale"]): MetadataState {
  const [state, setState] = useState<MetadataState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    const load = async (file: string) => {
      const response = await fetch(file);
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      return parseFunctionsMetadata(await response.json());
    };
    (locale === "fr" ? load("functions-fr.json").catch(() => load("functions.json")) : load("functions.json"))
      .then(
        (metadata) =>
          live &&
          setState({
            status: "ready",
            functions: metadata.functions,
            allowErrorForDataTypeAny: metadata.allowErrorForDataTypeAny,
          }),
      )
      .catch((error: unknown) => live && setState({ status: "failed", detail: String(error) }));
    return () => {
      live = false;
    };
  }, [locale]);
  return state;
}

/** Re-renders after the workbook changes, at most once per frame (writes arrive in many small requests). */
function useWorkbookVersion(session: WorkbenchSession): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let scheduled: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = session.workbook.subscribe(() => {
      scheduled ??= setTimeout(() => {
        scheduled = null;
        setVersion((old) => old + 1);
      }, 16);
    });
    return () => {
      unsubscribe();
      if (scheduled) clearTimeout(scheduled);
    };
  }, [session]);
  return version;
}

/**
 * office.js, loaded outside Office in a frame that is not the top window, navigates its page to about:blank
 * unless a global OsfOptOut exists. Set it on the frame's initial window: a same-origin navigation from the
 * initial about:blank keeps the same window object, so office.js sees it. Inside Office this code never runs.
 */
function optOutOfFrameRedirect(frame: HTMLIFrameElement | null): void {
  const target = frame?.contentWindow as (Window & { OsfOptOut?: boolean }) | null | undefined;
  if (target) target.OsfOptOut = true;
}

function startSession(settings: WorkbenchSettings): WorkbenchSession {
  const session = createSession(settings);
  exposeToPane(window, session);
  return session;
}

export function WorkbenchApp({ initial }: { initial: WorkbenchSettings }) {
  const styles = useStyles();
  const [settings, setSettings] = useState(initial);
  const [session, setSession] = useState(() => startSession(initial));
  const [paneKey, setPaneKey] = useState(0);
  const [tab, setTab] = useState<TabId>(`sheet:${session.firstSheet}`);
  const version = useWorkbookVersion(session);
  const metadata = useMetadata(settings.locale);
  const locale = settings.locale;
  setFunctionsLocale(locale);

  useEffect(() => {
    const query = settingsQuery(settings);
    window.history.replaceState(null, "", `${window.location.pathname}${query}`);
    document.documentElement.lang = settings.locale;
  }, [settings]);

  const restart = (next: WorkbenchSettings) => {
    const fresh = startSession(next);
    setSession(fresh);
    setTab(`sheet:${fresh.firstSheet}`);
    setPaneKey((key) => key + 1);
  };

  const change = (next: WorkbenchSettings) => {
    setSettings(next);
    if (next.dataset !== settings.dataset) {
      restart(next);
    } else {
      session.workbook.setHost({ theme: next.theme, displayLanguage: displayLanguageOf(next.locale) });
      setPaneKey((key) => key + 1);
    }
  };

  const sheetNames = useMemo(() => session.workbook.sheetNames(), [session, version]);
  const charts = useMemo(() => session.workbook.charts(), [session, version]);
  const shownTab: TabId =
    tab === "functions" ||
    (tab.startsWith("sheet:") && sheetNames.includes(tab.slice(6))) ||
    (tab.startsWith("chart:") && charts.some((chart, i) => chartTab(chart.sheet, i, charts) === tab))
      ? tab
      : `sheet:${session.firstSheet}`;
  const activeSheet = shownTab.startsWith("sheet:") ? shownTab.slice(6) : session.firstSheet;
  const shownChartIndex = charts.findIndex((chart, i) => chartTab(chart.sheet, i, charts) === shownTab);
  const shownChart = shownChartIndex >= 0 ? charts[shownChartIndex] : undefined;
  const shownSheet = shownChart ? shownChart.sheet : shownTab.slice(6);
  const view = useMemo(
    () =>
      shownTab === "functions"
        ? null
        : readSheetView(session.workbook, shownSheet, session.userHeaders.get(shownSheet)),
    [session, shownTab, shownSheet, version],
  );
  const lookup = useMemo(() => registeredFunctions(window), []);
  const selection = useMemo(() => session.workbook.getSelection(), [session, version]);

  return (
    <FluentProvider theme={settings.theme === "dark" ? webDarkTheme : webLightTheme} lang={locale}>
      <div className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Text as="h1" size={500} weight="semibold">
              {t("workbench.title", {}, locale)}
            </Text>
            <Text size={200}>{t("workbench.subtitle", {}, locale)}</Text>
          </div>
          <WorkbenchToolbar settings={settings} onChange={change} onReset={() => restart(settings)} />
        </header>
        <main className={styles.main}>
          <section className={styles.sheetArea}>
            <TabList
              size="small"
              selectedValue={shownTab}
              onTabSelect={(_, data) => setTab(data.value as TabId)}
              aria-label={t("workbench.tabs.label", {}, locale)}
            >
              {sheetNames.map((name) => (
                <Tab key={`sheet:${name}`} value={`sheet:${name}`}>
                  {name}
                </Tab>
              ))}
              {charts.map((chart, i) => (
                <Tab key={chartTab(chart.sheet, i, charts)} value={chartTab(chart.sheet, i, charts)}>
                  {t("workbench.tabs.chart", { title: chart.title }, locale)}
                </Tab>
              ))}
              <Tab value="functions">{t("workbench.tabs.functions", {}, locale)}</Tab>
            </TabList>
            <div className={styles.tabPanel} role="tabpanel">
              {shownTab === "functions" ? (
                <FunctionsGallery
                  metadata={metadata}
                  lookup={lookup}
                  locale={locale}
                  sheets={{ activeSheet, sheet: (name) => sheetCells(session.workbook, name) }}
                />
              ) : shownTab.startsWith("chart:") && shownChart ? (
                <ChartView chart={shownChart} fills={shownChart.fills ?? view?.fills[0]} locale={locale} />
              ) : view ? (
                <SheetGrid
                  view={view}
                  locale={locale}
                  selected={selection?.sheet.toLowerCase() === view.name.toLowerCase() ? selection : null}
                  onSelect={(row, col) => session.workbook.select({ sheet: view.name, row, col })}
                />
              ) : null}
            </div>
          </section>
          <iframe
            key={paneKey}
            ref={optOutOfFrameRedirect}
            className={styles.pane}
            src="taskpane.html"
            title={t("workbench.pane.label", {}, locale)}
            data-testid="pane"
          />
        </main>
      </div>
    </FluentProvider>
  );
}
