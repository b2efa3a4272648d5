/**
 * Form building blocks (Conform + Digital Agency design system). Every field has a visible label,
 * a required/optional marker, an optional hint, and an error message right beside it, tied to the
 * input with aria-describedby and marked `data-field-error` (the fuzzer in tests reads it).
 *
 * A form without Conform (the public search, a GET form whose values come back in the address) uses the same
 * components with `plainField(name, value, message)` in place of Conform's field metadata.
 *
 * Orange warnings (R-JOB-1: the employer may go on after a second look) come from FieldWarningsContext, keyed by
 * the field's name ("wage.baseMin", "hours.shifts[0].start"); they appear beside the field in orange, prefixed
 * 「確認：」, marked `data-field-warning`, and are linked to the input with aria-describedby too.
 */
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { createContext, useContext, type ReactNode } from "react";

/** What the components read of a field: Conform's FieldMetadata has it, and so has a PlainField. */
interface FieldLike {
  id: string;
  name: string;
  errorId: string;
  errors?: string[];
  initialValue?: unknown;
}

/** A field of a form without Conform, made by `plainField`. */
export interface PlainField extends FieldLike {
  initialValue: string;
  plain: true;
}

/**
 * A field of a form without Conform: its name (also its id), the value to show again and its message, if any.
 * The ids are `name`, `name-hint` and `name-error`.
 */
export function plainField(name: string, value: string, message?: string): PlainField {
  return { id: name, name, errorId: `${name}-error`, errors: message ? [message] : undefined, initialValue: value, plain: true };
}

/**
 * The fields of a GET form read from the URL (a search, a filter): each shows the value again with its message; a
 * choice (`choice = true`) with a message shows no choice, since the value typed is not one of them.
 */
export function queryFields<F extends string>(values: Record<F, string>, errors: Partial<Record<F, string>>) {
  return (name: F, choice = false): PlainField => plainField(name, choice && errors[name] ? "" : values[name], errors[name]);
}

/** Orange warnings by field name (Conform's name: "category.publication", "hours.shifts[0].start"). */
export const FieldWarningsContext = createContext<Record<string, string[]>>({});

function useWarnings(meta: FieldLike): string[] {
  return useContext(FieldWarningsContext)[meta.name] ?? [];
}

export const inputClass =
  "block w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 aria-[invalid=true]:border-red-800 aria-[invalid=true]:border-2";

function warningId(meta: FieldLike): string {
  return `${meta.id}-warning`;
}

function describedBy(meta: FieldLike, hint: boolean, warned = false): string | undefined {
  const ids = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null, warned ? warningId(meta) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** aria-describedby of a field: its hint, its red error and its orange warning, when present. */
export function useDescribedBy(meta: FieldLike, hint: boolean): string | undefined {
  return describedBy(meta, hint, useWarnings(meta).length > 0);
}

/**
 * 「※必須」 or 「任意」 after a label; none when `marker` is false (a search form, where every condition is optional); a
 * text in place of 「任意」 when the field is required only with one answer (「差し戻す場合は必須」).
 */
function RequirementMarker({ required, marker = true }: { required?: boolean; marker?: boolean | string }) {
  if (!marker) return null;
  const text = required ? "※必須" : typeof marker === "string" ? marker : "任意";
  return <span className={required ? "text-dns-14B-130 text-red-900" : "text-dns-14N-130 text-solid-gray-800"}>{text}</span>;
}

export function Label({ htmlFor, label, required, marker }: { htmlFor: string; label: string; required?: boolean; marker?: boolean | string }) {
  return (
    <label htmlFor={htmlFor} className="mb-2 flex items-center gap-2 text-std-17B-170">
      {label}
      <RequirementMarker required={required} marker={marker} />
    </label>
  );
}

/** The field's red error (data-field-error) and, from FieldWarningsContext, its orange warnings (data-field-warning). */
export function FieldError({ meta }: { meta: FieldLike }) {
  const errors = meta.errors ?? [];
  const warnings = useWarnings(meta);
  return (
    <>
      <p id={meta.errorId} data-field-error={meta.name} className="mt-2 text-dns-16B-130 text-red-900" aria-live="polite">
        {errors.length ? `エラー：${errors.join(" ")}` : null}
      </p>
      {warnings.length ? (
        <p id={warningId(meta)} data-field-warning={meta.name} className="mt-2 border-l-4 border-orange-600 pl-2 text-dns-16B-130 text-orange-900">
          {`確認：${warnings.join(" ")}`}
        </p>
      ) : null}
    </>
  );
}

export function Hint({ meta, hint }: { meta: FieldLike; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${meta.id}-hint`} className="mb-2 text-dns-16N-130 text-solid-gray-800">
      {hint}
    </p>
  );
}

type InputType = "text" | "email" | "password" | "tel" | "number" | "date" | "datetime-local" | "url";

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  required,
  autoComplete,
  inputMode,
  className,
  unit,
  size = "full",
  marker,
}: {
  meta: FieldMetadata<string | number | undefined | null> | PlainField;
  label: string;
  hint?: ReactNode;
  type?: InputType;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel" | "url" | "decimal";
  className?: string;
  /** Unit shown after the input (「人」「円」「か月」). */
  unit?: string;
  /** "short" for numbers, times and codes (the input is narrower). */
  size?: "full" | "short";
  /** false: no ※必須/任意 marker (a search form); a text in place of 「任意」 (「採用の場合は必須」). */
  marker?: boolean | string;
}) {
  const props = getInputProps(meta as FieldMetadata<string>, { type, ariaDescribedBy: useDescribedBy(meta, !!hint) });
  const input = (
    <input
      {...props}
      // Server-side validation decides; the browser's own checks would block no-JS users with English messages.
      required={undefined}
      aria-required={required || undefined}
      autoComplete={autoComplete}
      inputMode={inputMode}
      className={`${inputClass} ${size === "short" ? "max-w-60" : ""}`}
    />
  );
  return (
    <div className={`mb-6 ${className ?? ""}`}>
      <Label htmlFor={meta.id} label={label} required={required} marker={marker} />
      <Hint meta={meta} hint={hint} />
      {unit ? (
        <div className="flex items-center gap-2">
          {input}
          <span className="text-std-16N-170">{unit}</span>
        </div>
      ) : (
        input
      )}
      <FieldError meta={meta} />
    </div>
  );
}

export function TextAreaField({
  meta,
  label,
  hint,
  required,
  rows = 5,
  marker,
}: {
  meta: FieldMetadata<string | undefined | null>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  /** A text in place of 「任意」: when the field is required only with one answer (「差し戻す場合は必須」). */
  marker?: string;
}) {
  const props = getTextareaProps(meta as FieldMetadata<string>, { ariaDescribedBy: useDescribedBy(meta, !!hint) });
  return (
    <div className="mb-6">
      <Label htmlFor={meta.id} label={label} required={required} marker={marker} />
      <Hint meta={meta} hint={hint} />
      <textarea {...props} required={undefined} aria-required={required || undefined} rows={rows} className={inputClass} />
      <FieldError meta={meta} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  required,
  options,
  placeholder = "選択してください",
  marker,
}: {
  meta: FieldMetadata<string | undefined | null> | PlainField;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  options: { value: string; label: string }[];
  /** The first option, value "" (「選択してください」, or 「指定しない」 in a search form). */
  placeholder?: string;
  /** false: no ※必須/任意 marker (a search form). */
  marker?: boolean;
}) {
  const props = getSelectProps(meta as FieldMetadata<string>, { ariaDescribedBy: useDescribedBy(meta, !!hint) });
  return (
    <div className="mb-6">
      <Label htmlFor={meta.id} label={label} required={required} marker={marker} />
      <Hint meta={meta} hint={hint} />
      <select {...props} required={undefined} aria-required={required || undefined} className={inputClass}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError meta={meta} />
    </div>
  );
}

export function CheckboxField({
  meta,
  label,
  required,
  hint,
}: {
  meta: FieldMetadata<boolean | string | undefined | null>;
  label: ReactNode;
  required?: boolean;
  /** Shown under the label, tied with aria-describedby. */
  hint?: ReactNode;
}) {
  const props = getInputProps(meta as FieldMetadata<string>, { type: "checkbox", ariaDescribedBy: useDescribedBy(meta, !!hint) });
  return (
    <div className="mb-6">
      <div className="flex items-start gap-3">
        <input {...props} required={undefined} aria-required={required || undefined} className="mt-1.5 h-5 w-5" />
        <div>
          <label htmlFor={meta.id} className="text-std-16N-170">
            {label}
          </label>
          {hint ? (
            <p id={`${meta.id}-hint`} className="text-dns-16N-130 text-solid-gray-800">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      <FieldError meta={meta} />
    </div>
  );
}

export interface Option {
  value: string;
  label: ReactNode;
}

/**
 * One choice among a few (あり/なし, 可/否, 1–4): a fieldset whose legend is the question, one radio per option. The
 * first radio carries the field's id (links to the field land there); hint, error and warning are tied to every radio.
 */
export function RadioGroupField({
  meta,
  label,
  options,
  required,
  hint,
  inline = true,
  marker,
}: {
  meta: FieldMetadata<string | boolean | number | undefined | null> | PlainField;
  label: ReactNode;
  /** An option with the value "" (「指定しない」 in a search form) is checked when the field has no value. */
  options: readonly Option[];
  required?: boolean;
  hint?: ReactNode;
  /** Options side by side (default) or one per line (long labels). */
  inline?: boolean;
  /** false: no ※必須/任意 marker (a search form). */
  marker?: boolean;
}) {
  const ariaDescribedBy = useDescribedBy(meta, !!hint);
  return (
    <fieldset className="mb-6">
      <legend className="mb-2 flex items-center gap-2 text-std-17B-170">
        {label}
        <RequirementMarker required={required} marker={marker} />
      </legend>
      <Hint meta={meta} hint={hint} />
      <div className={inline ? "flex flex-wrap gap-x-8 gap-y-2" : "flex flex-col gap-2"}>
        {options.map((o, i) => {
          const props = getInputProps(meta as FieldMetadata<string>, { type: "radio", value: o.value, ariaDescribedBy });
          // getInputProps leaves out the value "" (it reads it as "no value"): set it here.
          const empty = o.value === "" ? { value: "", defaultChecked: (meta.initialValue ?? "") === "" } : {};
          const id = i === 0 ? meta.id : `${meta.id}-${i}`;
          return (
            <div key={o.value} className="flex items-start gap-3">
              <input {...props} {...empty} id={id} required={undefined} className="mt-1.5 h-5 w-5 shrink-0" />
              <label htmlFor={id} className="text-std-16N-170">
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
      <FieldError meta={meta} />
    </fieldset>
  );
}

/** Options あり/なし as "true"/"false" (the schemas' yesNo). */
export function yesNoOptions(yes = "あり", no = "なし"): Option[] {
  return [
    { value: "true", label: yes },
    { value: "false", label: no },
  ];
}

/** Fixed values that are their own labels (雇用形態, 学歴…). */
export function optionsOf(values: readonly string[], labels?: Record<string, string>): { value: string; label: string }[] {
  return values.map((v) => ({ value: v, label: labels?.[v] ?? v }));
}

/**
 * A group of related fields under one heading (a fieldset with a legend): 「就業場所」, several checkboxes for one
 * question (選考方法: 書類選考 / 面接…). Each field inside keeps its own label, error and warning.
 */
export function FieldGroup({ legend, hint, children, required }: { legend: ReactNode; hint?: ReactNode; children: ReactNode; required?: boolean }) {
  return (
    <fieldset className="mb-8 rounded-8 border border-solid-gray-420 p-4">
      <legend className="flex items-center gap-2 px-2 text-std-18B-160">
        {legend}
        {required !== undefined ? (
          <span className={required ? "text-dns-14B-130 text-red-900" : "text-dns-14N-130 text-solid-gray-800"}>{required ? "※必須" : "任意"}</span>
        ) : null}
      </legend>
      {hint ? <p className="mb-4 text-dns-16N-130 text-solid-gray-800">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

export function FormErrors({ errors, id }: { errors?: string[]; id: string }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

export function Button({
  children,
  variant = "primary",
  name,
  value,
  type = "submit",
}: {
  children: ReactNode;
  variant?: "primary" | "secondary";
  name?: string;
  value?: string;
  type?: "submit" | "button";
}) {
  const cls =
    variant === "primary"
      ? "bg-blue-900 text-white hover:bg-blue-1000 hover:underline"
      : "border border-blue-900 bg-white text-blue-900 hover:bg-blue-50 hover:underline";
  return (
    <button type={type} name={name} value={value} className={`min-h-14 rounded-8 px-6 py-3 text-std-16B-170 ${cls}`}>
      {children}
    </button>
  );
}
