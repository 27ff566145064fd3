/** The page's entry point: Office.onReady → the workbook behind the pane → the pane in #container. */
import "./dom-shims";
import { act, screen } from "@testing-library/react";
import { t } from "../../src/i18n";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";

// Each test loads the page's whole module graph afresh (Fluent included): slow on a shared machine.
jest.setTimeout(60_000);

type ReadyCallback = (info: { host: string | null; platform: string | null }) => void;

function loadPage(host: string | null): void {
  document.body.innerHTML = '<div id="container"></div>';
  (globalThis as unknown as { Office: unknown }).Office = {
    HostType: { Excel: "Excel" },
    onReady: (callback: ReadyCallback) => callback({ host, platform: null }),
  };
  jest.isolateModules(() => {
    require("../../src/taskpane/index");
  });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.resetModules();
  jest.dontMock("../../src/excel/resolve-workbook");
});

test("outside Office (host null, no workbench parent): the 'open in Excel' state", async () => {
  await act(async () => loadPage(null));
  expect(await screen.findByText(t("pane.openInExcel.title"))).toBeInTheDocument();
});

test("with a workbook in French and dark theme: the pane in French, following the workbook's selection", async () => {
  const workbook = new MemoryWorkbook({ host: { displayLanguage: "fr-CA", theme: "dark" } });
  const table = workbook.addTable({ name: "Ventes", sheet: "Feuil1", headers: ["Client", "Montant"], rows: [["A", 1]] });
  workbook.selectTable(table.id);
  jest.doMock("../../src/excel/resolve-workbook", () => ({ resolveWorkbook: () => workbook, workbenchWorkbook: () => null }));
  await act(async () => loadPage(null));
  expect(await screen.findByText(/Ventes sur la feuille Feuil1/)).toBeInTheDocument();
  expect(screen.getByLabelText(t("pane.language.label", {}, "fr"))).toHaveValue("fr");
});

test("without office.js at all, the page still renders the 'open in Excel' state", async () => {
  document.body.innerHTML = '<div id="container"></div>';
  await act(async () => {
    jest.isolateModules(() => {
      require("../../src/taskpane/index");
    });
  });
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
  (globalThis as unknown as { Office: unknown }).Office = { onReady: () => new Promise(() => undefined) };
  document.body.innerHTML = '<div id="container"></div>';
  await act(async () => {
    jest.isolateModules(() => {
      require("../../src/taskpane/index");
    });
  });
  expect(await screen.findByText(/Clients on sheet Data/)).toBeInTheDocument();
});

test("when office.js never calls back (outside Office), the page says 'open in Excel' after a grace period", async () => {
  (globalThis as unknown as { Office: unknown }).Office = { onReady: () => new Promise(() => undefined) };
  document.body.innerHTML = '<div id="container"></div>';
  await act(async () => {
    jest.isolateModules(() => {
      require("../../src/taskpane/index");
    });
  });
  expect(screen.queryByText(t("pane.openInExcel.title"))).not.toBeInTheDocument();
  expect(await screen.findByText(t("pane.openInExcel.title"), {}, { timeout: 6000 })).toBeInTheDocument();
});

test("when Office answers after the grace period, the real pane replaces the message", async () => {
  const workbook = new MemoryWorkbook();
  const table = workbook.addTable({ name: "Late", sheet: "Data", headers: ["Client", "CA"], rows: [["A", 1]] });
  workbook.selectTable(table.id);
  jest.doMock("../../src/excel/resolve-workbook", () => ({ resolveWorkbook: () => workbook, workbenchWorkbook: () => null }));
  let ready: ReadyCallback = () => undefined;
  (globalThis as unknown as { Office: unknown }).Office = {
    HostType: { Excel: "Excel" },
    onReady: (callback: ReadyCallback) => {
      ready = callback;
    },
  };
  document.body.innerHTML = '<div id="container"></div>';
  await act(async () => {
    jest.isolateModules(() => {
      require("../../src/taskpane/index");
    });
  });
  expect(await screen.findByText(t("pane.openInExcel.title"), {}, { timeout: 6000 })).toBeInTheDocument();
  await act(async () => ready({ host: "Excel", platform: null }));
  expect(await screen.findByText(/Late on sheet Data/)).toBeInTheDocument();
});
