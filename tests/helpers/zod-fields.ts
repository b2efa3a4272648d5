/**
 * What a form's zod schema says about its fields, read from the schema itself (zod v4's `_zod.def`): the form's field
 * names (for checking that a fuzz table covers every field) and the length limits written as `.max(n)` (for the
 * fuzzers' at-the-limit and over-the-limit strings). Limits written as refinements (e.g. counted in code points) are
 * invisible here; tables give those from the app's exported constants.
 */
import type { z } from "zod";

type Def = {
  type: string;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a value passes through (pipes, optional, prefault…), outermost first. */
function layers(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case "pipe":
      return [schema, ...layers(def.in!), ...layers(def.out!)];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return [schema, ...layers(def.innerType!)];
    default:
      return [schema];
  }
}

/** The smallest `.max(n)` on the way through a field's schema, if any. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  const limits = layers(schema).flatMap((s) => (defOf(s).checks ?? []).filter((c) => c._zod.def.check === "max_length").map((c) => c._zod.def.maximum!));
  return limits.length ? Math.min(...limits) : undefined;
}

/** The object schema inside a form schema (through pipes and wrappers). */
function objectOf(schema: z.ZodType): Def | undefined {
  return layers(schema)
    .map(defOf)
    .find((d) => d.type === "object");
}

/** `.max(n)` of each top-level field of a form schema. */
export function limitsOf(schema: z.ZodType): Record<string, number | undefined> {
  const shape = objectOf(schema)?.shape ?? {};
  return Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, maxLengthOf(field)]));
}

/**
 * The form's field names as Conform posts them, with list indexes left out: "wage.allowances[].name"; a list of plain
 * values (a checkbox group) repeats its name: "pr.imageIds". A field is a leaf: anything that is not an object or a list.
 */
export function fieldNamesOf(schema: z.ZodType, prefix = ""): string[] {
  const layer = layers(schema).map(defOf);
  const object = layer.find((d) => d.type === "object");
  if (object) return Object.entries(object.shape!).flatMap(([key, field]) => fieldNamesOf(field, prefix ? `${prefix}.${key}` : key));
  const array = layer.find((d) => d.type === "array");
  if (array) {
    const names = fieldNamesOf(array.element!, `${prefix}[]`);
    return names.map((name) => (name === `${prefix}[]` ? prefix : name));
  }
  return [prefix];
}

/** "wage.allowances[3].name" → "wage.allowances[].name". */
export function withoutIndexes(name: string): string {
  return name.replace(/\[\d+\]/g, "[]");
}
