import type { ColumnSpec, ParsedValue } from "../../contract/index.ts";
import { closest } from "../../core/suggest.ts";

/** A value that failed its column's check: the rule broken and a message in words. */
export class Invalid {
  constructor(
    readonly rule: string,
    readonly message: string,
  ) {}
}

export type ValueCheck = (raw: string) => ParsedValue | Invalid;

const INT = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** C0 and C1 controls (NUL, ESC…), DEL, and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Compiles a column's type into a fast check that parses the raw text. */
export function compileValueCheck(spec: ColumnSpec, today: Date): ValueCheck {
  const t = spec.type;
  const thisYear = today.getUTCFullYear();
  const todayText = today.toISOString().slice(0, 10);
  const required = spec.required;
  const empty = (): ParsedValue | Invalid => (required ? new Invalid("value.required", `${spec.name} is required`) : null);

  switch (t.kind) {
    case "int": {
      const max = t.max === "current-year" ? thisYear : t.max;
      return (raw) => {
        if (raw === "") return empty();
        if (!INT.test(raw)) return new Invalid("value.type", `${spec.name} must be an integer`);
        const n = Number(raw);
        if ((t.min !== undefined && n < t.min) || (max !== undefined && n > max))
          return new Invalid("value.range", `${spec.name} must be from ${t.min ?? "-∞"} to ${max ?? "∞"}${t.max === "current-year" ? " (this year)" : ""}`);
        return n;
      };
    }
    case "decimal":
      return (raw) => {
        if (raw === "") return empty();
        if (t.suppressedMarker !== undefined && raw === t.suppressedMarker) return null;
        if (!DECIMAL.test(raw)) {
          if (DECIMAL_COMMA.test(raw)) return new Invalid("value.decimal-comma", `${spec.name} uses a decimal comma: write a point (12.5, not 12,5)`);
          return new Invalid("value.type", `${spec.name} must be a number`);
        }
        const n = Number(raw);
        if ((t.min !== undefined && n < t.min) || (t.max !== undefined && n > t.max)) return new Invalid("value.range", `${spec.name} must be from ${t.min ?? "-∞"} to ${t.max ?? "∞"}`);
        return n;
      };
    case "date": {
      // Extracts repeat the same few thousand dates millions of times: remember the good ones.
      const known = new Set<string>();
      return (raw) => {
        if (known.has(raw)) return raw;
        if (raw === "") return empty();
        const m = DATE.exec(raw);
        if (m === null || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return new Invalid("value.type", `${spec.name} must be a date written YYYY-MM-DD`);
        if (raw > todayText) return new Invalid("value.range", `${spec.name} is in the future`);
        if (raw < "1880-01-01") return new Invalid("value.range", `${spec.name} is before 1880`);
        if (known.size < 100_000) known.add(raw);
        return raw;
      };
    }
    case "flag":
      return (raw) => {
        if (raw === "1") return true;
        if (raw === "0") return false;
        if (raw === "") return empty();
        return new Invalid("value.enum", `${spec.name} must be 0 or 1`);
      };
    case "enum": {
      const allowed = new Set(t.values);
      return (raw) => {
        if (raw === "") return empty();
        if (allowed.has(raw)) return raw;
        const guess = closest(raw, t.values);
        return new Invalid("value.enum", `${spec.name} must be one of ${t.values.join(", ")}${guess ? ` (did you mean ${guess}?)` : ""}`);
      };
    }
    case "code":
      return (raw) => {
        if (raw === "") return empty();
        return t.pattern.test(raw) ? raw : new Invalid("value.pattern", `${spec.name} must be ${t.patternText}`);
      };
    case "text":
      return (raw) => {
        if (raw === "") return empty();
        if (raw.length > t.maxLength) return new Invalid("value.range", `${spec.name} is longer than ${t.maxLength} characters`);
        const hidden = UNPRINTABLE.exec(raw);
        if (hidden)
          return new Invalid(
            "value.control-character",
            `${spec.name} holds the invisible character U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} (a control or text-direction character: it would print wrongly or reorder the name on screen)`,
          );
        return raw;
      };
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number));
}
