/**
 * Assertions over HTML through a parser (linkedom), the way a user or a screen reader finds things: by role, by
 * label, by the field a message is tied to — instead of regular expressions over markup, which break on attribute
 * order and pass on text that sits in the wrong element. Runs inside workerd (pure JavaScript).
 */
import { parseHTML } from "linkedom";

export type Doc = Document;
/** Where to look: a page as HTML, a parsed page, or an element of one (a section, a table row, a form). */
export type Scope = string | Doc | Element;

/** A parsed page (or fragment). Pass a string of HTML or an already parsed document. */
export function parse(html: string | Doc): Doc {
  if (typeof html !== "string") return html;
  // A fragment (a component rendered alone) is wrapped so that querySelector sees it.
  const source = /^\s*<!doctype|^\s*<html/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const doc = parseHTML(source).document as unknown as Doc;
  // A browser lowercases attribute names (React writes encType, autoComplete…); linkedom keeps them as written.
  for (const el of doc.querySelectorAll("*")) {
    if (el.closest("svg")) continue; // SVG's own names (viewBox) are case-sensitive
    for (const { name, value } of [...el.attributes]) {
      if (name === name.toLowerCase()) continue;
      el.removeAttribute(name);
      el.setAttribute(name.toLowerCase(), value);
    }
  }
  // A browser decodes the character references of a <textarea> (&lt;) and drops the newline just after its start tag;
  // linkedom keeps both as written.
  for (const el of doc.querySelectorAll("textarea")) {
    const holder = doc.createElement("div");
    holder.innerHTML = (el.textContent ?? "").replace(/</g, "&lt;");
    el.textContent = (holder.textContent ?? "").replace(/^\n/, "");
  }
  return doc;
}

/** The parsed page for a string; the document or element itself otherwise. */
function within(html: Scope): Doc | Element {
  return typeof html === "string" ? parse(html) : html;
}

/** An element's text as read: tags gone, runs of white space collapsed, trimmed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}

const attr = (value: string) => JSON.stringify(value);

/** Every form control named `name` (input, select, textarea). */
export function controls(html: Scope, name: string): Element[] {
  return [...within(html).querySelectorAll(`input[name=${attr(name)}], select[name=${attr(name)}], textarea[name=${attr(name)}]`)];
}

/** The ids an element points to with aria-describedby. */
export function describedBy(el: Element): string[] {
  return (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
}

/** The message marked `attribute` beside a field; when the field has a control, the message must be tied to it. */
function fieldMessage(html: string | Doc, attribute: "data-field-error" | "data-field-warning", field: string): string | null {
  const doc = parse(html);
  const el = doc.querySelector(`[${attribute}=${attr(field)}]`);
  const text = textOf(el);
  if (!el || !text) return null;
  const own = [...controls(doc, field), ...doc.querySelectorAll(`fieldset[data-field=${attr(field)}]`)];
  const id = el.getAttribute("id");
  if (own.length > 0 && id && !own.some((c) => describedBy(c).includes(id) || describedBy(c.closest("fieldset") ?? c).includes(id))) {
    throw new Error(`the message beside ${field} (${text}) is not tied to its control with aria-describedby`);
  }
  return text;
}

/**
 * The red message beside a field (`data-field-error`), or null when there is none. When the field has a control on the
 * page, the message must be tied to it with aria-describedby (a screen reader reads it with the field); a message
 * that is shown but not tied throws, so that the assertion fails with the reason.
 */
export function fieldError(html: string | Doc, field: string): string | null {
  return fieldMessage(html, "data-field-error", field);
}

/** The orange message beside a field (`data-field-warning`), or null; tied to its control like fieldError's. */
export function fieldWarning(html: string | Doc, field: string): string | null {
  return fieldMessage(html, "data-field-warning", field);
}

/** The text of every element with `role` (status, alert, navigation…), in document order. */
export function roleTexts(html: Scope, role: string): string[] {
  return [...within(html).querySelectorAll(`[role=${attr(role)}]`)].map(textOf);
}

/** The polite notice after a POST (role="status"), or null. */
export function statusText(html: Scope): string | null {
  return roleTexts(html, "status").find(Boolean) ?? null;
}

/** The assertive messages (role="alert"), joined; "" when none. */
export function alertText(html: Scope): string {
  return roleTexts(html, "alert").filter(Boolean).join("\n");
}

/** The element with aria-label `label` (a landmark, an article…), or null. */
export function byAriaLabel(html: Scope, label: string): Element | null {
  return within(html).querySelector(`[aria-label=${attr(label)}]`);
}

/** The control a `<label>` with this text (or starting with it) names, or null. */
export function byLabel(html: string | Doc, label: string): Element | null {
  const doc = parse(html);
  for (const l of doc.querySelectorAll("label")) {
    const text = textOf(l);
    if (text !== label && !text.startsWith(label)) continue;
    const forId = l.getAttribute("for");
    const control = forId ? doc.getElementById(forId) : l.querySelector("input, select, textarea");
    if (control) return control;
  }
  return null;
}

/** The forms of a page whose action is `action` (method POST unless given). */
export function formsTo(html: Scope, action: string, method = "post"): Element[] {
  return [...within(html).querySelectorAll("form")].filter(
    (f) => (f.getAttribute("action") ?? "") === action && (f.getAttribute("method") ?? "get").toLowerCase() === method,
  );
}

/** Links by their text (exact, or containing it): `[text, href]`. */
export function links(html: Scope, text?: string): [string, string][] {
  return [...within(html).querySelectorAll("a[href]")]
    .map((a) => [textOf(a), a.getAttribute("href") ?? ""] as [string, string])
    .filter(([t]) => text === undefined || t.includes(text));
}

/** The href of every link, in document order. */
export function hrefs(html: Scope): string[] {
  return links(html).map(([, href]) => href);
}

/** The header cells of the tables of a page (`th`), as read. */
export function columnHeaders(html: Scope): string[] {
  return [...within(html).querySelectorAll("th[scope=col]")].map(textOf);
}

/** The selected option's value of a `<select name>`, or null. */
export function selectedValue(html: Scope, name: string): string | null {
  const select = controls(html, name).find((c) => c.tagName === "SELECT");
  const option = select?.querySelector("option[selected]");
  return option ? option.getAttribute("value") : null;
}

/** The text of the page's body as read: scripts (the framework's data) and styles left out. */
export function bodyText(html: string | Doc): string {
  const body = parse(html).body.cloneNode(true) as Element;
  for (const el of body.querySelectorAll("script, style, template")) el.remove();
  return textOf(body);
}

/** The page's `<title>`, as read. */
export function pageTitle(html: string | Doc): string {
  return textOf(parse(html).querySelector("title"));
}

/** The text of every heading of a level (2 for `<h2>`), in document order. */
export function headings(html: Scope, level: 1 | 2 | 3 | 4 | 5 | 6): string[] {
  return [...within(html).querySelectorAll(`h${level}`)].map(textOf);
}

/** The cells (th and td, as read) of the table row whose row header reads `header` (a badge inside it aside), or null. */
export function rowCells(html: Scope, header: string): string[] | null {
  for (const row of within(html).querySelectorAll("tr")) {
    const th = row.querySelector("th[scope=row]");
    const own = [...(th?.childNodes ?? [])].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? "");
    if (th && own.join("").replace(/\s+/g, " ").trim() === header) return [...row.children].map(textOf);
  }
  return null;
}
