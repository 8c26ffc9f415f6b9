/**
 * Sub-annual values (`sub-annual: quarter | month`, indicators/definition/sub-annual.ts): the
 * events of each period by the date of the event, over the person-years of the period. Pure:
 * the counts come from the compiled statement's period columns, the populations from the year's cells.
 *
 * - A period's numerator is the events dated in it, of the persons the year's numerator counts:
 *   the periods of a year add up to the year's numerator exactly.
 * - Its denominator is the year's population of the area (the yearly cell's denominator) times
 *   the period's share of the year's days: person-years, so that a period's rate is annualised
 *   and reads on the same scale as the year's (a quarter of 90 days in 2023: × 90/365).
 * - Value and 95 % limits by the yearly crude rate's method (exact Poisson below 10 events, Byar
 *   from 10: indicators/stats/confidence.ts).
 * The events by period are counted in the statement that counts the year (compile.ts,
 * event-scans.ts: one conditional count per period beside the year's): they add up to the
 * year's numerator by construction and cost no scan of their own (a statement apart read the
 * event table and person_year again: a sixth of the engine's time for three indicators).
 * Periods are computed for every area the year has a total cell in, municipalities and sectors
 * included (disclosure control models them as latent parts); the release publishes Belgium,
 * regions, provinces and zones only.
 */
import { rateLimits } from "../stats/index.ts";
import type { Definition } from "../definition/schema.ts";
import type { SubAnnual } from "../definition/sub-annual.ts";
import type { WideColumns, WideLayout } from "./statistics.ts";
import { isAbsent, wideColumn } from "./wide-column.ts";

export interface PeriodCell {
  indicator_id: string;
  year: number;
  /** `2024-Q1` or `2024-03`. */
  period: string;
  period_kind: SubAnnual;
  /** 1–4 or 1–12 within the year. */
  period_index: number;
  level: string;
  system_code: string | null;
  area_code: string;
  numerator: number;
  /** Person-years: the year's population × days of the period / days of the year. */
  denominator: number;
  value: number;
  lower95: number;
  upper95: number;
  low_count: boolean | null;
}

/** What a period cell is built from: the year's total cell of its area. */
export interface YearTotal {
  indicator_id: string;
  year: number;
  level: string;
  system_code: string | null;
  area_code: string;
  /** The year's population of the area (persons, i.e. person-years of the year). */
  denominator: number;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, not ${month}`);
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

export const periodCount = (kind: SubAnnual): number => (kind === "quarter" ? 4 : 12);

/** The period (1–4 or 1–12) a month (1–12) lies in. */
export function periodOfMonth(kind: SubAnnual, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, not ${month}`);
  return kind === "quarter" ? Math.ceil(month / 3) : month;
}

/** The period of a date written `YYYY-MM-DD` (the event's date), with its year. */
export function periodOfDate(kind: SubAnnual, date: string): { year: number; index: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`a date is written YYYY-MM-DD, not ${date}`);
  return { year: Number(m[1]), index: periodOfMonth(kind, Number(m[2])) };
}

/** The months (1–12) of a period. */
export function monthsOf(kind: SubAnnual, index: number): number[] {
  if (kind === "month") return [index];
  return [3 * index - 2, 3 * index - 1, 3 * index];
}

/** Days of the period over days of the year: 90/365 for 2023-Q1, 91/366 for 2024-Q1. */
export function dayFraction(kind: SubAnnual, year: number, index: number): number {
  const days = monthsOf(kind, index).reduce((s, m) => s + daysInMonth(year, m), 0);
  return days / daysInYear(year);
}

/** `2024-Q1`, `2024-03`. */
export function periodLabel(kind: SubAnnual, year: number, index: number): string {
  return kind === "quarter" ? `${year}-Q${index}` : `${year}-${String(index).padStart(2, "0")}`;
}

const MULTIPLIER: Record<string, number> = { "per-1000": 1_000, "per-10000": 10_000, "per-100000": 100_000 };

/** Key of an area's events of a year: `indicator|year|level|system|area`. */
export const periodAreaKey = (c: Pick<YearTotal, "indicator_id" | "year" | "level" | "system_code" | "area_code">): string =>
  `${c.indicator_id}|${c.year}|${c.level}|${c.system_code ?? ""}|${c.area_code}`;

/**
 * The events by period of each area's year, from the compiled statement's wide result: the
 * columns `p<index>_<k>` of its total rows (compile.ts), added to `into` by `periodAreaKey`.
 */
export function periodEventsFromColumns(columns: WideColumns, layout: WideLayout, into: Map<string, number[]>): void {
  const cut = layout.filter((l) => (l.periods ?? 0) > 0);
  if (cut.length === 0) return;
  const [year, level, system, area, stratum] = ["year", "level", "system_code", "area_code", "stratum"].map((name) => wideColumn(columns, name));
  for (const { id, index, periods } of cut) {
    const counts = Array.from({ length: periods! }, (_, k) => wideColumn(columns, `p${index}_${k + 1}`, `${id}'s period ${k + 1}`));
    for (let r = 0; r < year!.length; r++) {
      if (stratum![r] !== "total" || isAbsent(counts[0]![r])) continue;
      const key = periodAreaKey({ indicator_id: id, year: year![r] as number, level: level![r] as string, system_code: (system![r] as string | null) ?? null, area_code: area![r] as string });
      into.set(
        key,
        counts.map((c) => Number(c[r] ?? 0)),
      );
    }
  }
}

/**
 * Every period cell of the sub-annual definitions: for each year's total cell, one cell per
 * period, 0 events where the statement found none. `eventsByPeriod`: area key → events by
 * period (index 0 = the first quarter or January).
 */
export function periodCells(totals: readonly YearTotal[], eventsByPeriod: ReadonlyMap<string, readonly number[]>, defs: readonly Definition[]): PeriodCell[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: PeriodCell[] = [];
  for (const t of totals) {
    const def = byId.get(t.indicator_id);
    const kind = def?.["sub-annual"];
    if (!def || !kind || !(t.denominator > 0)) continue;
    const multiplier = MULTIPLIER[def.unit];
    if (multiplier === undefined) throw new RangeError(`${def.id}: a sub-annual rate is per 1,000, 10,000 or 100,000, not ${def.unit}`);
    const events = eventsByPeriod.get(periodAreaKey(t)) ?? [];
    for (let index = 1; index <= periodCount(kind); index++) {
      const numerator = events[index - 1] ?? 0;
      const denominator = t.denominator * dayFraction(kind, t.year, index);
      const r = rateLimits(numerator, denominator, multiplier, 0.95);
      out.push({
        indicator_id: t.indicator_id,
        year: t.year,
        period: periodLabel(kind, t.year, index),
        period_kind: kind,
        period_index: index,
        level: t.level,
        system_code: t.system_code,
        area_code: t.area_code,
        numerator,
        denominator,
        value: r.value,
        lower95: r.lower,
        upper95: r.upper,
        low_count: null,
      });
    }
  }
  return out;
}
