/**
 * A necessary condition for a CSS selector to match an element, read once per selector: the tag and the classes its
 * subject (the compound after the last combinator) requires, in each of its comma-separated alternatives.
 *
 * Why: jsdom's getComputedStyle matches every rule of every style sheet against the element, and again against each
 * ancestor for `visibility`; Fluent's atomic CSS puts hundreds of rules in the document, and testing-library's role
 * queries and user-event's pointer-events check call getComputedStyle for every element they look at. That matching
 * (nwsapi) was most of the UI tests' time. An element without the tag or a class a selector's subject requires
 * cannot match it, so the full match runs only on the elements that have them: the same answers, sooner
 * (test/shims/selector-prefilter.test.tsx compares both on every pair of a corpus and on random selectors).
 */

/** What one alternative of a selector requires of the element it matches (lower case; compared without case). */
export interface Requirement {
  tag: string | null;
  classes: string[];
}

/** The element's side: what jsdom's Element (wrapper) offers. */
export interface MatchedElement {
  localName: string;
  getAttribute(name: string): string | null;
}

const IDENT = /[A-Za-z0-9_\u00a0-\uffff-]/;
const COMBINATOR = /[\s>+~]/;

/** Splits at the commas outside brackets and parentheses; null when the brackets do not balance. */
function alternatives(selector: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i];
    if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") depth--;
    else if (char === "," && depth === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0) return null;
  parts.push(selector.slice(start));
  return parts;
}

/** The tag and classes the subject compound of one complex selector requires, or null when it requires neither. */
function requirementOf(complex: string): Requirement | null {
  const text = complex.trim();
  // The subject: after the last combinator outside brackets and parentheses.
  let depth = 0;
  let subjectStart = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") depth--;
    else if (depth === 0 && COMBINATOR.test(char)) subjectStart = i + 1;
  }
  const subject = text.slice(subjectStart);
  if (subject === "") return null;
  let tag: string | null = null;
  let i = 0;
  if (IDENT.test(subject[0]) && !/[0-9-]/.test(subject[0])) {
    while (i < subject.length && IDENT.test(subject[i])) i++;
    tag = subject.slice(0, i).toLowerCase();
  }
  const classes: string[] = [];
  depth = 0;
  for (; i < subject.length; i++) {
    const char = subject[i];
    if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") depth--;
    else if (char === "." && depth === 0) {
      let end = i + 1;
      while (end < subject.length && IDENT.test(subject[end])) end++;
      if (end === i + 1) return null;
      classes.push(subject.slice(i + 1, end).toLowerCase());
      i = end - 1;
    }
  }
  return tag === null && classes.length === 0 ? null : { tag, classes };
}

/**
 * What each alternative of `selector` requires, or null when no cheap condition is sure: escapes, quotes,
 * namespaces, nesting or at-rule text, unbalanced brackets, or an alternative that names neither tag nor class.
 */
export function subjectRequirements(selector: unknown): Requirement[] | null {
  if (typeof selector !== "string" || selector.trim() === "" || /[\\"'|&@{};]/.test(selector)) return null;
  const parts = alternatives(selector);
  if (parts === null) return null;
  const requirements: Requirement[] = [];
  for (const part of parts) {
    const requirement = requirementOf(part);
    if (requirement === null) return null;
    requirements.push(requirement);
  }
  return requirements;
}

/** The class attribute's tokens, lower case (the same few strings come back: kept until there are many). */
const tokenCache = new Map<string, Set<string>>();
function classTokens(attribute: string | null): Set<string> {
  const key = attribute ?? "";
  let tokens = tokenCache.get(key);
  if (tokens === undefined) {
    if (tokenCache.size > 20000) tokenCache.clear();
    tokens = new Set(
      key
        .toLowerCase()
        .split(/[\t\n\f\r ]+/)
        .filter((token) => token !== ""),
    );
    tokenCache.set(key, tokens);
  }
  return tokens;
}

/** Whether the element has what one of the alternatives requires (false: the selector cannot match it). */
export function mayMatch(element: MatchedElement, requirements: readonly Requirement[]): boolean {
  let tokens: Set<string> | null = null;
  for (const { tag, classes } of requirements) {
    if (tag !== null && element.localName.toLowerCase() !== tag) continue;
    if (classes.length > 0) {
      tokens ??= classTokens(element.getAttribute("class"));
      if (!classes.every((name) => tokens!.has(name))) continue;
    }
    return true;
  }
  return false;
}

export interface PrefilterCounts {
  /** Matches answered false without running the selector engine. */
  skipped: number;
  /** Matches handed to the selector engine. */
  run: number;
}

/** `match` (selector, element) → boolean, answering false at once where the element lacks what the selector needs. */
export function withPrefilter<E extends MatchedElement>(
  match: (selector: string, element: E) => boolean,
  counts: PrefilterCounts = { skipped: 0, run: 0 },
): (selector: string, element: E) => boolean {
  const known = new Map<unknown, Requirement[] | null>();
  return (selector, element) => {
    let requirements = known.get(selector);
    if (requirements === undefined) {
      requirements = subjectRequirements(selector);
      known.set(selector, requirements);
    }
    if (requirements !== null && !mayMatch(element, requirements)) {
      counts.skipped++;
      return false;
    }
    counts.run++;
    return match(selector, element);
  };
}
