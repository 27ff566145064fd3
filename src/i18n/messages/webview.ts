/**
 * Messages of the webview area: what taskpane.html says, before any script of ours runs, when Office shows the
 * pane in a browser engine the add-in cannot run in (Internet Explorer 11 or the original Edge, EdgeHTML, used
 * when the Microsoft Edge WebView2 Runtime is missing). The page holds a copy of these texts (it cannot load
 * the catalogue there); test/taskpane/legacy-webview.test.ts checks the copy is exact. Keys start with "webview.".
 */
export const en = {
  "webview.title": "This pane needs the Microsoft Edge WebView2 Runtime",
  "webview.body":
    "Excel is showing this pane with an old browser engine (Internet Explorer or the original Microsoft Edge), which cannot run Customer Value: the pane and the CUST functions do not work here.",
  "webview.fix":
    "Ask your IT department to install the Microsoft Edge WebView2 Runtime (Evergreen, free, from Microsoft) on this computer, then restart Excel. Windows 11 and current Microsoft 365 installations usually have it already.",
  "webview.meanwhile": "Meanwhile, the same workbook works in Excel on the web.",
} as const;

export const fr: Record<keyof typeof en, string> = {
  "webview.title": "Ce volet a besoin de Microsoft Edge WebView2 Runtime",
  "webview.body":
    "Excel affiche ce volet avec un ancien moteur de navigateur (Internet Explorer ou l'ancien Microsoft Edge), qui ne peut pas exécuter Valeur Client : le volet et les fonctions CUST ne fonctionnent pas ici.",
  "webview.fix":
    "Demandez à votre DSI d'installer Microsoft Edge WebView2 Runtime (Evergreen, gratuit, fourni par Microsoft) sur ce poste, puis redémarrez Excel. Windows 11 et les installations récentes de Microsoft 365 l'ont en général déjà.",
  "webview.meanwhile": "En attendant, le même classeur fonctionne dans Excel pour le web.",
};
