/**
 * The message catalogue as the engine and the functions import it: t() and the key types, with the function areas
 * registered. The pane's entry points add the pane areas (./pane-messages); ./all lists every area for the tests.
 * A new area: its file in ./messages, its key type in ./catalogue.ts, and its import in ./function-messages.ts (shown
 * by a function or the engine), ./pane-messages.ts (shown only by the pane) or ./workbench-messages.ts (the workbench's
 * own page).
 */
import "./function-messages";

export * from "./catalogue";
