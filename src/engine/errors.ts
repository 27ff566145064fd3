import { MessageKey, MessageParams, t } from "../i18n";

/**
 * What kind of Excel error a bad input deserves:
 * - "value": the input is the wrong type or shape (#VALUE!);
 * - "num": a number outside the formula's domain (#NUM!);
 * - "na": the answer does not exist for these inputs (#N/A).
 */
export type InputErrorKind = "value" | "num" | "na";

/**
 * A problem with what the user gave us. It carries a catalogue key rather than text, so each layer
 * (custom function, task pane) can say it in the user's language.
 */
export class InputError extends Error {
  constructor(
    readonly kind: InputErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(t(key, params, "en"));
    this.name = "InputError";
  }
}

export const valueError = (key: MessageKey, params?: MessageParams) => new InputError("value", key, params);
export const numError = (key: MessageKey, params?: MessageParams) => new InputError("num", key, params);
export const naError = (key: MessageKey, params?: MessageParams) => new InputError("na", key, params);
