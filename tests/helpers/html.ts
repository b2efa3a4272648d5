/**
 * Assertions over HTML through a parser (linkedom), the way a user or a screen reader finds things: by role, by
 * label, by the field a message is tied to — instead of regular expressions over markup, which break on attribute
 * order and pass on text that sits in the wrong element. Runs inside workerd (pure JavaScript).
 */
import { parseHTML } from "linkedom";

export type Doc = Document;

/** A parsed page (or fragment). Pass a string of HTML or an already parsed document. */
export function parse(html: string | Doc): Doc {
  if (typeof html !== "string") return html;
  // A fragment (a component rendered alone) is wrapped so that querySelector sees it.
  const source = /^\s*<!doctype|^\s*<html/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as Doc;
}

/** An element's text as read: tags gone, runs of white space collapsed, trimmed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}

const attr = (value: string) => JSON.stringify(value);

/** Every form control named `name` (input, select, textarea). */
export function controls(html: string | Doc, name: string): Element[] {
  return [...parse(html).querySelectorAll(`input[name=${attr(name)}], select[name=${attr(name)}], textarea[name=${attr(name)}]`)];
}

/** The ids an element points to with aria-describedby. */
export function describedBy(el: Element): string[] {
  return (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
}

/**
 * The red message beside a field (`data-field-error`), or null when there is none. When the field has a control on the
 * page, the message must be tied to it with aria-describedby (a screen reader reads it with the field); a message
 * that is shown but not tied throws, so that the assertion fails with the reason.
 */
export function fieldError(html: string | Doc, field: string): string | null {
  const doc = parse(html);
  const el = doc.querySelector(`[data-field-error=${attr(field)}]`);
  const text = textOf(el);
  if (!el || !text) return null;
  const own = [...controls(doc, field), ...doc.querySelectorAll(`fieldset[data-field=${attr(field)}]`)];
  const id = el.getAttribute("id");
  if (own.length > 0 && id && !own.some((c) => describedBy(c).includes(id) || describedBy(c.closest("fieldset") ?? c).includes(id))) {
    throw new Error(`the message beside ${field} (${text}) is not tied to its control with aria-describedby`);
  }
  return text;
}

/** The text of every element with `role` (status, alert, navigation…), in document order. */
export function roleTexts(html: string | Doc, role: string): string[] {
  return [...parse(html).querySelectorAll(`[role=${attr(role)}]`)].map(textOf);
}

/** The polite notice after a POST (role="status"), or null. */
export function statusText(html: string | Doc): string | null {
  return roleTexts(html, "status").find(Boolean) ?? null;
}

/** The assertive messages (role="alert"), joined; "" when none. */
export function alertText(html: string | Doc): string {
  return roleTexts(html, "alert").filter(Boolean).join("\n");
}

/** The element with aria-label `label` (a landmark, an article…), or null. */
export function byAriaLabel(html: string | Doc, label: string): Element | null {
  return parse(html).querySelector(`[aria-label=${attr(label)}]`);
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
export function formsTo(html: string | Doc, action: string, method = "post"): Element[] {
  return [...parse(html).querySelectorAll("form")].filter(
    (f) => (f.getAttribute("action") ?? "") === action && (f.getAttribute("method") ?? "get").toLowerCase() === method,
  );
}

/** Links by their text (exact, or containing it): `[text, href]`. */
export function links(html: string | Doc, text?: string): [string, string][] {
  return [...parse(html).querySelectorAll("a[href]")]
    .map((a) => [textOf(a), a.getAttribute("href") ?? ""] as [string, string])
    .filter(([t]) => text === undefined || t.includes(text));
}

/** The header cells of the tables of a page (`th`), as read. */
export function columnHeaders(html: string | Doc): string[] {
  return [...parse(html).querySelectorAll("th[scope=col]")].map(textOf);
}

/** The selected option's value of a `<select name>`, or null. */
export function selectedValue(html: string | Doc, name: string): string | null {
  const select = controls(html, name).find((c) => c.tagName === "SELECT");
  const option = select?.querySelector("option[selected]");
  return option ? option.getAttribute("value") : null;
}
