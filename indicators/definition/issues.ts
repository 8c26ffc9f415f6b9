/**
 * zod's issues, told in plain words for analysts who edit YAML: what is wrong, at which path,
 * and for a misspelt key or value the closest allowed one. Messages written in the schema or
 * in `rules.ts` are kept as they are; zod's generic ones are replaced here.
 */
import { z } from "zod";
import { closest } from "../../core/suggest.ts";

export type Path = (string | number)[];

export interface IssueReport {
  path: Path;
  message: string;
  suggestion?: string;
  /** The problem is the key itself (an unknown key), not its value. */
  atKey?: boolean;
}

/** Given to `safeParse` as its error map: marks the messages that zod wrote itself. */
export const GENERIC = "\u0000generic";

const LANGUAGE_NAMES: Record<string, string> = { fr: "French", nl: "Dutch", de: "German", en: "English" };

/** `numerator.codes.atc[2]` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("");
}

export function explainIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: unknown): IssueReport[] {
  return issues.flatMap((issue) => explain(issue, schema, data));
}

function explain(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown): IssueReport[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
  const name = path.length === 0 ? "the file" : `\`${String(path.at(-1))}\``;
  const own = issue.message !== GENERIC ? issue.message : undefined;
  const input = (issue as { input?: unknown }).input;
  const report = (message: string, suggestion?: string): IssueReport[] => [{ path, message: suggestion ? `${message}: did you mean \`${suggestion}\`?` : message, suggestion }];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = keysAt(schema, path, data);
      return issue.keys.map((key) => {
        // A one- or two-letter key is "close" to every short key: suggest nothing for it.
        const suggestion = key.length >= 3 ? closest(key, allowed) : undefined;
        const hint = suggestion ? `: did you mean \`${suggestion}\`?` : allowed.length > 0 && allowed.length <= 10 ? ` (allowed here: ${allowed.join(", ")})` : "";
        return { path: [...path, key], message: `unknown key \`${key}\`${hint}`, suggestion, atKey: true };
      });
    }
    case "invalid_type": {
      if (own) return report(own);
      if (path.length === 0) return report(`the file must be a mapping of keys to values (id: …, title: …), not ${words(input)}`);
      if (input === undefined) {
        const last = String(path.at(-1));
        const language = LANGUAGE_NAMES[last];
        return report(language ? `the ${language} (${last}) text is missing` : `${name} is missing`);
      }
      const quote = issue.expected === "string" && typeof input === "number" ? ": write it in quotes so that YAML reads it as text" : "";
      return report(`${name} must be ${expectedWords(issue.expected)}, not ${words(input)}${quote}`);
    }
    case "invalid_value": {
      const values = issue.values.map(String);
      if (input === undefined) return report(`${name} is missing: one of ${values.join(", ")}`);
      return report(own ?? `${words(input)} is not allowed for ${name}: use one of ${values.join(", ")}`, closest(String(input), values));
    }
    case "invalid_union": {
      const note = issue as { discriminator?: string; options?: unknown[] };
      if (note.discriminator) {
        const options = (note.options ?? []).map(String);
        const value = (input as Record<string, unknown> | undefined)?.[note.discriminator];
        if (value === undefined) return report(`\`${note.discriminator}\` is missing: one of ${options.join(", ")}`);
        return report(`${words(value)} is not a ${note.discriminator}: use one of ${options.join(", ")}`, closest(String(value), options));
      }
      return report(own ?? `${name} matches none of the allowed forms`);
    }
    case "too_small":
    case "too_big": {
      if (own) return report(own);
      const small = issue.code === "too_small";
      const bound = Number(small ? issue.minimum : (issue as { maximum: number | bigint }).maximum);
      if (issue.origin === "array") {
        if (small && bound === 1) return report(`the list ${name} is empty`);
        return report(`the list ${name} must have ${small ? "at least" : "at most"} ${bound} item${bound === 1 ? "" : "s"}`);
      }
      const strict = issue.inclusive === false;
      return report(`${name} must be ${small ? (strict ? "more than" : "at least") : strict ? "less than" : "at most"} ${bound}, not ${words(input)}`);
    }
    case "custom": {
      const suggestion = (issue.params as { suggestion?: string } | undefined)?.suggestion;
      return report(issue.message, suggestion);
    }
    default:
      return report(own ?? `${name} is not valid (${issue.code})`);
  }
}

function expectedWords(expected: string): string {
  const table: Record<string, string> = {
    string: "a text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    object: "a mapping (key: value lines)",
    array: "a list",
    tuple: "a list",
  };
  return table[expected] ?? expected;
}

/** A value as the analyst wrote it. */
function words(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "string") return `"${value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}

/** The option of a discriminated union that the data selects. */
function resolve(schema: z.ZodType, data: unknown): z.ZodType {
  const s = unwrap(schema);
  if (!(s instanceof z.ZodDiscriminatedUnion)) return s;
  const discriminator = s._zod.def.discriminator;
  const value = (data as Record<string, unknown> | undefined)?.[discriminator];
  const option = (s.options as z.ZodType[]).find((o) => {
    const literal = o instanceof z.ZodObject ? o.shape[discriminator] : undefined;
    return literal instanceof z.ZodLiteral && literal.values.has(value as z.core.util.Literal);
  });
  return option ?? s;
}

/** The keys an object accepts at this path, to suggest one for a misspelt key. */
export function keysAt(schema: z.ZodType, path: readonly (string | number)[], data: unknown): string[] {
  let s = resolve(schema, data);
  let d = data;
  for (const key of path) {
    d = (d as Record<string | number, unknown> | undefined)?.[key];
    let next: z.ZodType | undefined;
    if (s instanceof z.ZodObject) next = s.shape[key] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray) next = s.element as z.ZodType;
    else if (s instanceof z.ZodTuple) next = s._zod.def.items[key as number] as z.ZodType | undefined;
    if (!next) return [];
    s = resolve(next, d);
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}
