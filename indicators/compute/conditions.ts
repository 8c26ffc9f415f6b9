/**
 * SQL fragments shared by the compilers: quoting, the event tables, and the conditions that
 * select events and persons. See compile.ts for why codes are quoted rather than trusted.
 */
import { literal } from "../../core/duckdb.ts";
import type { Numerator, Population } from "../definition/schema.ts";
import { MAX_AGE } from "../definition/vocabulary.ts";

export { literal };

export type EventsNumerator = Extract<Numerator, { kind: "events" }>;
export type MedicinesNumerator = Extract<Numerator, { kind: "medicines" }>;

export const TABLE = {
  health_service: { date: "service_date", code: "nomenclature_code", list: "nomenclature" },
  pharmacy_delivery: { date: "delivery_date", code: "atc_code", list: "atc" },
  // A stay belongs to the year of its admission.
  hospital_stay: { date: "admission_date", code: "main_diagnosis", list: "icd10" },
} as const;

export function anyPrefix(column: string, codes: readonly string[] | undefined): string[] {
  return codes ? [`(${codes.map((c) => `starts_with(${column}, ${literal(c)})`).join(" OR ")})`] : [];
}

export function and(conditions: string[]): string {
  return conditions.length === 0 ? "true" : conditions.join(" AND ");
}

/** Which events of its table an events numerator selects (the window is handled apart). */
export function eventCondition(n: EventsNumerator): string {
  const t = TABLE[n.source];
  const codes = n.codes?.[t.list];
  const c =
    n.source === "hospital_stay"
      ? anyPrefix(
          "replace(main_diagnosis, '.', '')",
          codes?.map((x) => x.replace(".", "")),
        )
      : anyPrefix(t.code, codes);
  const f = n.filters ?? {};
  if (f.setting) c.push(`setting IN (${f.setting.map(literal).join(", ")})`);
  if (f["provider-category"]) c.push(`provider_category IN (${f["provider-category"].map(literal).join(", ")})`);
  if (f["stay-type"]) c.push(`stay_type = ${literal(f["stay-type"])}`);
  if (f.emergency !== undefined) c.push(`emergency IS ${f.emergency ? "TRUE" : "FALSE"}`);
  return and(c);
}

export function populationCondition(p: Population): string {
  const c: string[] = [];
  if (p.age) c.push(p.age[1] >= MAX_AGE ? `age >= ${p.age[0]}` : `age BETWEEN ${p.age[0]} AND ${p.age[1]}`);
  if (p.sex) c.push(`sex = ${literal(p.sex)}`);
  for (const [key, column] of [
    ["bim", "bim"],
    ["gmd", "gmd"],
    ["chronic", "chronic_status"],
  ] as const) {
    if (p[key] !== undefined) c.push(`${column} IS ${p[key] ? "TRUE" : "FALSE"}`);
  }
  if (p["alive-on-31-december"]) c.push("(death_date IS NULL OR death_date > make_date(year, 12, 31))");
  return and(c);
}
