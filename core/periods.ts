// Sub-annual periods as the release names them ("2024-Q1", "2024-03"): parsing, the run of
// periods between two, and their labels in the dashboard's four languages (fr "T1 2024",
// nl "K1 2024", de and en "Q1 2024"; months by their short name). Pure: the server, the PDCA
// check and the dashboard share it.
import type { Language } from "./languages.ts";

export const PERIOD_KINDS = ["quarter", "month"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type Granularity = "year" | PeriodKind;

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–4 (quarters) or 1–12 (months). */
  index: number;
}

const PER_YEAR: Record<PeriodKind, number> = { quarter: 4, month: 12 };

/** "2024-Q1" or "2024-03" → its parts; undefined for anything else. */
export function parsePeriod(text: string): Period | undefined {
  const q = /^(\d{4})-Q([1-4])$/.exec(text);
  if (q) return { kind: "quarter", year: Number(q[1]), index: Number(q[2]) };
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) return { kind: "month", year: Number(m[1]), index: Number(m[2]) };
  return undefined;
}

export function periodName(p: Period): string {
  return p.kind === "quarter" ? `${p.year}-Q${p.index}` : `${p.year}-${String(p.index).padStart(2, "0")}`;
}

/** Every period from `first` to `last` (inclusive, same kind), in order. */
export function periodsBetween(first: Period, last: Period): Period[] {
  const n = PER_YEAR[first.kind];
  const from = first.year * n + first.index - 1;
  const to = last.year * n + last.index - 1;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => ({ kind: first.kind, year: Math.floor((from + i) / n), index: ((from + i) % n) + 1 }));
}

const QUARTER_LETTER: Record<Language, string> = { fr: "T", nl: "K", de: "Q", en: "Q" };
const MONTHS: Record<Language, readonly string[]> = {
  fr: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
  nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  de: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** A period's label for readers: "T1 2024" (fr), "K1 2024" (nl), "Q1 2024" (de, en), "mars 2024"; a year stays as it is. */
export function periodLabel(period: string, lang: Language): string {
  const p = parsePeriod(period);
  if (!p) return period;
  return p.kind === "quarter" ? `${QUARTER_LETTER[lang]}${p.index} ${p.year}` : `${MONTHS[lang][p.index - 1]} ${p.year}`;
}
