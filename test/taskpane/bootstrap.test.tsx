/**
 * The page's entry point: Office.onReady → the workbook behind the pane → the pane in #container.
 *
 * Each test loads the page afresh (its module has side effects) after jest.resetModules(), and takes act and
 * screen from @testing-library/react loaded in the same fresh registry: with one React for the page and the
 * test, every render happens inside act (a second React copy, as jest.isolateModules would give, made React
 * print "not wrapped in act(...)" for every render). The grace period runs on fake timers, not a real 3 s wait.
 */
import "./dom-shims";
import { t } from "../../src/i18n";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";

// Each test loads the page's whole module graph afresh (Fluent included): slow on a shared machine.
jest.setTimeout(60_000);

type ReadyCallback = (info: { host: string | null; platform: string | null }) => void;
// The "pure" entry registers no afterEach of its own (it is loaded inside tests); cleanup is called below.
type Library = typeof import("@testing-library/react/pure");
type Page = { OFFICE_READY_GRACE_MS: number };

let loaded: Library | null = null;

/** Loads the page (index.tsx) with `Office` as given (undefined: no office.js), inside act. */
async function loadPage(office: unknown): Promise<Library & { page: Page }> {
  jest.resetModules();
  const library = require("@testing-library/react/pure") as Library;
  loaded = library;
  document.body.innerHTML = '<div id="container"></div>';
  if (office !== undefined) (globalThis as unknown as { Office: unknown }).Office = office;
  let page: Page = { OFFICE_READY_GRACE_MS: NaN };
  await library.act(async () => {
    page = require("../../src/taskpane/index") as Page;
  });
  return { ...library, page };
}

/** The office.js of a page outside Office: onReady answers at once with host null. */
const officeAnswering = (host: string | null) => ({
  HostType: { Excel: "Excel" },
  onReady: (callback: ReadyCallback) => callback({ host, platform: null }),
});

afterEach(() => {
  loaded?.cleanup();
  loaded = null;
  jest.useRealTimers();
  delete (globalThis as { Office?: unknown }).Office;
  jest.dontMock("../../src/excel/resolve-workbook");
});

test("outside Office (host null, no workbench parent): the 'open in Excel' state", async () => {
  const { screen } = await loadPage(officeAnswering(null));
  expect(await screen.findByText(t("pane.openInExcel.title"))).toBeInTheDocument();
});

test("with a workbook in French and dark theme: the pane in French, following the workbook's selection", async () => {
  const workbook = new MemoryWorkbook({ host: { displayLanguage: "fr-CA", theme: "dark" } });
  const table = workbook.addTable({
    name: "Ventes",
    sheet: "Feuil1",
    headers: ["Client", "Montant"],
    rows: [["A", 1]],
  });
  workbook.selectTable(table.id);
  jest.doMock("../../src/excel/resolve-workbook", () => ({
    resolveWorkbook: () => workbook,
    workbenchWorkbook: () => null,
  }));
  const { screen } = await loadPage(officeAnswering(null));
  expect(await screen.findByText(/Ventes sur la feuille Feuil1/)).toBeInTheDocument();
  expect(screen.getByLabelText(t("pane.language.label", {}, "fr"))).toHaveValue("fr");
});

test("without office.js at all, the page still renders the 'open in Excel' state", async () => {
  const { screen } = await loadPage(undefined);
  expect(await screen.findByText(t("pane.openInExcel.title"))).toBeInTheDocument();
});

test("inside the workbench the pane renders from the parent's workbook without waiting for Office", async () => {
  const workbook = new MemoryWorkbook();
  const table = workbook.addTable({ name: "Clients", sheet: "Data", headers: ["Client", "CA"], rows: [["A", 1]] });
  workbook.selectTable(table.id);
  jest.doMock("../../src/excel/resolve-workbook", () => ({
    resolveWorkbook: () => null,
    workbenchWorkbook: () => workbook,
  }));
  // An Office whose onReady never answers, as office.js in a frame outside Office can do.
  const { screen } = await loadPage({ onReady: () => new Promise(() => undefined) });
  expect(await screen.findByText(/Clients on sheet Data/)).toBeInTheDocument();
});

test("when office.js never calls back (outside Office), the page says 'open in Excel' after a grace period", async () => {
  jest.useFakeTimers();
  const { act, screen, page } = await loadPage({ onReady: () => new Promise(() => undefined) });
  expect(page.OFFICE_READY_GRACE_MS).toBeGreaterThan(0);
  await act(async () => jest.advanceTimersByTime(page.OFFICE_READY_GRACE_MS - 1));
  expect(screen.queryByText(t("pane.openInExcel.title"))).not.toBeInTheDocument();
  await act(async () => jest.advanceTimersByTime(1));
  expect(screen.getByText(t("pane.openInExcel.title"))).toBeInTheDocument();
});

test("when Office answers after the grace period, the real pane replaces the message", async () => {
  const workbook = new MemoryWorkbook();
  const table = workbook.addTable({ name: "Late", sheet: "Data", headers: ["Client", "CA"], rows: [["A", 1]] });
  workbook.selectTable(table.id);
  jest.doMock("../../src/excel/resolve-workbook", () => ({
    resolveWorkbook: () => workbook,
    workbenchWorkbook: () => null,
  }));
  let ready: ReadyCallback = () => undefined;
  jest.useFakeTimers();
  const { act, screen, page } = await loadPage({
    HostType: { Excel: "Excel" },
    onReady: (callback: ReadyCallback) => {
      ready = callback;
    },
  });
  await act(async () => jest.advanceTimersByTime(page.OFFICE_READY_GRACE_MS));
  expect(screen.getByText(t("pane.openInExcel.title"))).toBeInTheDocument();
  jest.useRealTimers();
  await act(async () => ready({ host: "Excel", platform: null }));
  expect(await screen.findByText(/Late on sheet Data/)).toBeInTheDocument();
});
