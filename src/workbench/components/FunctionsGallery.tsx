/**
 * Every custom function from functions.json, with its help; type arguments (numbers, text, array constants
 * or ranges of the workbench's sheets) and evaluate them with the real function code.
 */
import { useMemo, useState } from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "../../i18n";
import { t } from "../../i18n";
import { formatCell } from "../cell-format";
import { FunctionInfo, FUNCTIONS_NAMESPACE } from "../functions-metadata";
import { parseArgument, SheetLookup } from "../gallery-args";
import { evaluateCustomFunction, Evaluation } from "../gallery-eval";
import type { FunctionLookup } from "../function-registry";

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalL, minHeight: 0, flexGrow: 1 },
  list: {
    width: "240px",
    flexShrink: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    overflowY: "auto",
  },
  items: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: { justifyContent: "flex-start", width: "100%" },
  detail: { flexGrow: 1, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, overflowY: "auto" },
  signature: { fontFamily: tokens.fontFamilyMonospace },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  workArea: {
    display: "grid",
    gridTemplateColumns: "minmax(280px, 560px) minmax(200px, 1fr)",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
  },
  outcome: { position: "sticky", top: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  result: { borderCollapse: "collapse", fontVariantNumeric: "tabular-nums" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 8px", textAlign: "right" },
  errorCell: { color: tokens.colorPaletteRedForeground1 },
});

export type MetadataState =
  | { status: "loading" }
  | { status: "failed"; detail: string }
  | { status: "ready"; functions: FunctionInfo[]; allowErrorForDataTypeAny?: boolean };

export interface FunctionsGalleryProps {
  metadata: MetadataState;
  lookup: FunctionLookup;
  sheets: SheetLookup;
  locale: Locale;
}

function signatureOf(info: FunctionInfo): string {
  const params = info.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  return `=${FUNCTIONS_NAMESPACE}.${info.name}(${params})`;
}

/** The formula as a user would type it in a cell, from the gallery's argument texts. */
export function formulaOf(info: FunctionInfo, texts: readonly string[]): string {
  let last = texts.length;
  while (last > 0 && texts[last - 1].trim() === "") last--;
  const args = texts.slice(0, last).map((text) => text.trim().replace(/^=/, ""));
  return `=${FUNCTIONS_NAMESPACE}.${info.name}(${args.join(", ")})`;
}

interface Outcome {
  formula: string;
  evaluation: Evaluation;
}

function FunctionDetail({
  info,
  lookup,
  sheets,
  locale,
  allowErrors,
}: {
  info: FunctionInfo;
  allowErrors: boolean;
  lookup: FunctionLookup;
  sheets: SheetLookup;
  locale: Locale;
}) {
  const styles = useStyles();
  const [texts, setTexts] = useState<string[]>(() => info.parameters.map(() => ""));
  const [problems, setProblems] = useState<(string | null)[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const evaluate = async () => {
    const fn = lookup(info.id);
    const parsed = info.parameters.map((_, i) => parseArgument(texts[i] ?? "", sheets));
    setProblems(parsed.map((arg) => (arg.ok ? null : t(arg.key, arg.params, locale))));
    if (parsed.some((arg) => !arg.ok)) {
      setOutcome(null);
      return;
    }
    const formula = formulaOf(info, texts);
    if (!fn) {
      setOutcome({
        formula,
        evaluation: {
          ok: false,
          code: "#NAME?",
          message: t("workbench.gallery.notRegistered", { id: info.id }, locale),
        },
      });
      return;
    }
    setBusy(true);
    const evaluation = await evaluateCustomFunction(
      fn,
      info,
      parsed.map((arg) => (arg.ok ? arg.value : null)),
      allowErrors,
    );
    setBusy(false);
    setOutcome({ formula, evaluation });
  };

  return (
    <section className={styles.detail} aria-labelledby={`fn-${info.id}`}>
      <Text as="h2" size={500} weight="semibold" id={`fn-${info.id}`}>
        {FUNCTIONS_NAMESPACE}.{info.name}
      </Text>
      <Text className={styles.signature}>{signatureOf(info)}</Text>
      {info.description && <Text>{info.description}</Text>}
      <div className={styles.workArea}>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void evaluate();
          }}
        >
          {info.parameters.map((parameter, i) => (
            <Field
              key={parameter.name}
              label={
                <>
                  {parameter.name}{" "}
                  {parameter.optional && (
                    <Badge appearance="outline">{t("workbench.gallery.optional", {}, locale)}</Badge>
                  )}{" "}
                  {parameter.dimensionality === "matrix" && (
                    <Badge appearance="tint">{t("workbench.gallery.matrix", {}, locale)}</Badge>
                  )}
                </>
              }
              hint={parameter.description}
              validationMessage={problems[i] ?? undefined}
              validationState={problems[i] ? "error" : "none"}
            >
              <Input
                value={texts[i] ?? ""}
                data-param={parameter.name}
                onChange={(_, data) => setTexts((old) => old.map((text, j) => (j === i ? data.value : text)))}
              />
            </Field>
          ))}
          <div>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t("workbench.gallery.evaluate", {}, locale)}
            </Button>
          </div>
        </form>
        <div className={styles.outcome} aria-live="polite">
          <Text size={200}>{t("workbench.gallery.activeSheet", { sheet: sheets.activeSheet }, locale)}</Text>
          {busy && <Spinner size="tiny" />}
          {outcome && <OutcomeView outcome={outcome} locale={locale} />}
        </div>
      </div>
    </section>
  );
}

function OutcomeView({ outcome, locale }: { outcome: Outcome; locale: Locale }) {
  const styles = useStyles();
  const { evaluation } = outcome;
  return (
    <div data-testid="gallery-outcome">
      <Text as="p">
        {t("workbench.gallery.formula", {}, locale)}: <code data-testid="gallery-formula">{outcome.formula}</code>
      </Text>
      {evaluation.ok ? (
        <table className={styles.result} aria-label={t("workbench.gallery.result", {}, locale)}>
          <tbody>
            {evaluation.cells.slice(0, 500).map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  cell.kind === "value" ? (
                    <td key={c} className={styles.cell} data-testid="result-cell" data-value={String(cell.value)}>
                      {formatCell(cell.value, undefined, locale)}
                    </td>
                  ) : (
                    <td
                      key={c}
                      className={`${styles.cell} ${styles.errorCell}`}
                      data-testid="result-cell"
                      data-error={cell.code}
                      title={cell.message}
                    >
                      {cell.code} {cell.message}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <MessageBar intent="error" data-testid="gallery-error" data-error={evaluation.code}>
          <MessageBarBody>
            <MessageBarTitle>{evaluation.code}</MessageBarTitle>
            {evaluation.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export function FunctionsGallery({ metadata, lookup, sheets, locale }: FunctionsGalleryProps) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const functions = metadata.status === "ready" ? metadata.functions : [];
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return functions;
    return functions.filter(
      (info) => info.name.toLowerCase().includes(needle) || (info.description ?? "").toLowerCase().includes(needle),
    );
  }, [functions, query]);

  if (metadata.status === "loading") return <Spinner label={t("workbench.gallery.loading", {}, locale)} />;
  if (metadata.status === "failed") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t("workbench.gallery.loadFailed", { detail: metadata.detail }, locale)}</MessageBarBody>
      </MessageBar>
    );
  }
  const current = functions.find((info) => info.id === selected) ?? shown[0] ?? null;
  return (
    <div className={styles.root}>
      <nav className={styles.list} aria-label={t("workbench.gallery.label", {}, locale)}>
        <Text size={200}>{t("workbench.gallery.intro", {}, locale)}</Text>
        <Input
          type="search"
          aria-label={t("workbench.gallery.search", {}, locale)}
          placeholder={t("workbench.gallery.search", {}, locale)}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
        />
        {shown.length === 0 && <Text>{t("workbench.gallery.none", {}, locale)}</Text>}
        <ul className={styles.items}>
          {shown.map((info) => (
            <li key={info.id}>
              <Button
                className={styles.item}
                appearance={current?.id === info.id ? "primary" : "subtle"}
                aria-current={current?.id === info.id ? "true" : undefined}
                data-function={info.id}
                onClick={() => setSelected(info.id)}
              >
                {FUNCTIONS_NAMESPACE}.{info.name}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      {current && (
        <FunctionDetail
          key={`${current.id}-${locale}`}
          info={current}
          allowErrors={metadata.status === "ready" && metadata.allowErrorForDataTypeAny === true}
          lookup={lookup}
          sheets={sheets}
          locale={locale}
        />
      )}
    </div>
  );
}
