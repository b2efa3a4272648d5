/**
 * Form building blocks (Conform + Digital Agency design system). Every field has a visible label,
 * a required/optional marker, an optional hint, and an error message right beside it, tied to the
 * input with aria-describedby and marked `data-field-error` (the fuzzer in tests reads it).
 */
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

const inputClass =
  "block w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 aria-[invalid=true]:border-red-800 aria-[invalid=true]:border-2";

function describedBy(meta: FieldMetadata<unknown>, hint: boolean): string | undefined {
  const ids = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor} className="mb-2 flex items-center gap-2 text-std-17B-170">
      {label}
      <span className={required ? "text-dns-14B-130 text-red-900" : "text-dns-14N-130 text-solid-gray-800"}>
        {required ? "※必須" : "任意"}
      </span>
    </label>
  );
}

export function FieldError({ meta }: { meta: FieldMetadata<unknown> }) {
  const errors = meta.errors ?? [];
  return (
    <p id={meta.errorId} data-field-error={meta.name} className="mt-2 text-dns-16B-130 text-red-900" aria-live="polite">
      {errors.length ? `エラー：${errors.join(" ")}` : null}
    </p>
  );
}

function Hint({ meta, hint }: { meta: FieldMetadata<unknown>; hint?: ReactNode }) {
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
}: {
  meta: FieldMetadata<string | number | undefined | null>;
  label: string;
  hint?: ReactNode;
  type?: InputType;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel" | "url" | "decimal";
  className?: string;
}) {
  const props = getInputProps(meta as FieldMetadata<string>, { type, ariaDescribedBy: describedBy(meta, !!hint) });
  return (
    <div className={`mb-6 ${className ?? ""}`}>
      <Label htmlFor={meta.id} label={label} required={required} />
      <Hint meta={meta} hint={hint} />
      <input
        {...props}
        // Server-side validation decides; the browser's own checks would block no-JS users with English messages.
        required={undefined}
        aria-required={required || undefined}
        autoComplete={autoComplete}
        inputMode={inputMode}
        className={inputClass}
      />
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
}: {
  meta: FieldMetadata<string | undefined | null>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
}) {
  const props = getTextareaProps(meta as FieldMetadata<string>, { ariaDescribedBy: describedBy(meta, !!hint) });
  return (
    <div className="mb-6">
      <Label htmlFor={meta.id} label={label} required={required} />
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
}: {
  meta: FieldMetadata<string | undefined | null>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const props = getSelectProps(meta as FieldMetadata<string>, { ariaDescribedBy: describedBy(meta, !!hint) });
  return (
    <div className="mb-6">
      <Label htmlFor={meta.id} label={label} required={required} />
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
}: {
  meta: FieldMetadata<boolean | string | undefined | null>;
  label: ReactNode;
  required?: boolean;
}) {
  const props = getInputProps(meta as FieldMetadata<string>, { type: "checkbox", ariaDescribedBy: describedBy(meta, false) });
  return (
    <div className="mb-6">
      <div className="flex items-start gap-3">
        <input {...props} required={undefined} aria-required={required || undefined} className="mt-1.5 h-5 w-5" />
        <label htmlFor={meta.id} className="text-std-16N-170">
          {label}
        </label>
      </div>
      <FieldError meta={meta} />
    </div>
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
