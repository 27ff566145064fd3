/**
 * The message catalogue as the engine and the functions import it: t() and the key types, with the function areas
 * registered. The pane's entry points add the pane areas (./pane-messages); ./all lists every area for the tests.
 */
import "./function-messages";

export * from "./catalogue";
