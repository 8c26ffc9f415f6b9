// Numbers and dates as each language writes them (fr-BE, nl-BE, de-BE, en). Pure.
import type { Lang } from "./route.ts";

export const LOCALES: Record<Lang, string> = { fr: "fr-BE", nl: "nl-BE", de: "de-BE", en: "en-GB" };

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(LOCALES[lang], options)));
  return f;
}

/** Decimals shown for a unit: enough to tell zones apart, no false precision. */
export function decimalsFor(unit: string, value: number): number {
  switch (unit) {
    case "euro":
      return 0;
    case "ratio":
      return 2;
    case "per-100000":
      return Math.abs(value) >= 100 ? 0 : 1;
    default:
      return 1;
  }
}

export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  return numberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A value in its unit's usual notation: "12,3 %", "€ 1.234", "1.23"; rates get their unit from unitLabel. */
export function formatValue(value: number | null | undefined, unit: string, lang: Lang, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const d = decimals ?? decimalsFor(unit, value);
  if (unit === "percent") return numberFormat(lang, { style: "percent", minimumFractionDigits: d, maximumFractionDigits: d }).format(value / 100);
  if (unit === "euro") return numberFormat(lang, { style: "currency", currency: "EUR", minimumFractionDigits: d, maximumFractionDigits: d }).format(value);
  return formatNumber(value, lang, d);
}

/** "12,1–13,4" with the same decimals as the value it frames. */
export function formatInterval(lower: number | null | undefined, upper: number | null | undefined, unit: string, lang: Lang, value?: number | null): string {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return "–";
  const d = decimalsFor(unit, value ?? upper);
  return `${formatValue(lower, unit, lang, d)} – ${formatValue(upper, unit, lang, d)}`;
}

export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Brussels" }).format(date);
}

/** Plain digits for tables and CSV-like display of counts. */
export function formatCount(value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined ? "–" : formatNumber(value, lang, 0);
}
