// The fixture's cells: plausible counts and values from a deterministic hash, then the derived
// columns (comparisons, quintiles, trends, BIM gaps) the way the publisher fills them, and
// hidden cells with every reason: natural small counts (1–4) plus the fixed HIDDEN_CASES.
import { CELL_TABLE, type CellRow as Cell } from "../../release/format.ts";
import type { FixtureGeography } from "./fixture-geography.ts";
import { SYSTEM } from "./fixture-geography.ts";

export interface IndicatorSpec {
  id: string;
  version: number;
  aim: string;
  type: string;
  statistic: "proportion" | "directly-standardised-rate" | "mean-per-person";
  unit: string;
  polarity: "high-is-good" | "low-is-good" | "no-judgement";
  strata: string[];
  levels: string[];
  title: Record<string, string>;
}

const ALL_LEVELS = ["belgium", "region", "province", "zone", "municipality"];
export const FIXTURE_INDICATORS: IndicatorSpec[] = [
  {
    id: "gmd-coverage",
    version: 1,
    aim: "experience",
    type: "process",
    statistic: "proportion",
    unit: "percent",
    polarity: "high-is-good",
    strata: ["sex", "age-band", "bim"],
    levels: ALL_LEVELS,
    title: { fr: "Couverture DMG", nl: "GMD-dekking", de: "GMA-Abdeckung", en: "GMD coverage" },
  },
  {
    id: "premature-mortality",
    version: 2,
    aim: "population-health",
    type: "outcome",
    statistic: "directly-standardised-rate",
    unit: "per-100000",
    polarity: "low-is-good",
    strata: ["bim"],
    levels: ALL_LEVELS,
    title: { fr: "Mortalité prématurée", nl: "Vroegtijdige sterfte", de: "Vorzeitige Sterblichkeit", en: "Premature mortality" },
  },
  // No German title: the server falls back to English.
  {
    id: "spending-per-person",
    version: 1,
    aim: "value",
    type: "outcome",
    statistic: "mean-per-person",
    unit: "euro",
    polarity: "no-judgement",
    strata: [],
    levels: ["belgium", "region", "zone"],
    title: { fr: "Dépenses par personne", nl: "Uitgaven per persoon", en: "Spending per person" },
  },
];

/** The first three are FIXTURE_INDICATORS; more (for benchmarks) repeat them under new ids. */
export function indicatorSpecs(count: number): IndicatorSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const base = FIXTURE_INDICATORS[i % 3] as IndicatorSpec;
    return i < 3 ? base : { ...base, id: `${base.id}-${Math.floor(i / 3)}` };
  });
}

/** Hidden on purpose, whatever the counts: one of each reason at places tests look at. */
export const HIDDEN_CASES = [
  { indicator_id: "gmd-coverage", year: 2024, level: "zone", system_code: SYSTEM, area_code: "Z06", stratum: "total", stratum_value: "all", hidden: "suppressed" },
  { indicator_id: "premature-mortality", year: 2023, level: "municipality", system_code: null, area_code: "63023", stratum: "total", stratum_value: "all", hidden: "suppressed" },
  { indicator_id: "premature-mortality", year: 2024, level: "zone", system_code: SYSTEM, area_code: "Z05", stratum: "bim", stratum_value: "bim", hidden: "suppressed" },
  { indicator_id: "premature-mortality", year: 2024, level: "zone", system_code: SYSTEM, area_code: "Z05", stratum: "bim", stratum_value: "non-bim", hidden: "suppressed" },
  { indicator_id: "spending-per-person", year: 2022, level: "region", system_code: null, area_code: "03000", stratum: "total", stratum_value: "all", hidden: "suppressed" },
] as const;

const SHARES: Record<string, [string, number][]> = {
  total: [["all", 1]],
  sex: [
    ["F", 0.51],
    ["M", 0.49],
  ],
  "age-band": [
    ["0-17", 0.2],
    ["18-44", 0.33],
    ["45-64", 0.26],
    ["65-74", 0.11],
    ["75+", 0.1],
  ],
  bim: [
    ["bim", 0.2],
    ["non-bim", 0.78],
    ["unknown", 0.02],
  ],
};

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

type Row = Cell & { se: number };
const keyOf = (c: { year: number; level: string; system_code: string | null; area_code: string; stratum_value: string }) =>
  `${c.year}|${c.level}|${c.system_code ?? ""}|${c.area_code}|${c.stratum_value}`;

function category(v: Row, ref: Row | undefined, polarity: string): string | null {
  if (!ref || ref.hidden || v.hidden || v.value === null || ref.value === null) return null;
  const z = (v.value - ref.value) / Math.max(v.se, 1e-9);
  if (Math.abs(z) < 1.96) return "similar";
  const much = Math.abs(z) > 3.29 ? "much-" : "";
  if (polarity === "no-judgement") return `${much}${z > 0 ? "higher" : "lower"}`;
  return `${much}${z > 0 === (polarity === "high-is-good") ? "better" : "worse"}`;
}

/** Every cell of one indicator, over all years, levels and strata. */
export function indicatorCells(spec: IndicatorSpec, geo: FixtureGeography, years: number[], shift: number): Row[] {
  const rows: Row[] = [];
  const base = spec.statistic === "proportion" ? 0.7 : spec.statistic === "mean-per-person" ? 2500 : 0.0025;
  for (const area of geo.areas.filter((a) => spec.levels.includes(a.level))) {
    const people = geo.population.get(`${area.level}|${area.system_code ?? ""}|${area.area_code}`) ?? 0;
    for (const stratum of ["total", ...spec.strata]) {
      for (const [value, share] of SHARES[stratum] ?? []) {
        for (const year of years) {
          const jitter = 0.85 + 0.3 * hash(`${spec.id}|${area.area_code}|${value}`) + 0.01 * (year - (years[0] ?? year)) + 0.02 * hash(`${spec.id}|${area.area_code}|${year}`);
          const rate = Math.min(0.97, base * jitter) * (value === "bim" ? (spec.statistic === "proportion" ? 0.9 : 1.5) : 1);
          const den = Math.round(people * share);
          const num = spec.statistic === "mean-per-person" ? den * rate : Math.round(den * rate);
          const scale = spec.statistic === "proportion" ? 100 : spec.statistic === "mean-per-person" ? 1 : 100000;
          const v = den > 0 ? (num / den) * scale + shift : 0;
          const se =
            spec.statistic === "proportion"
              ? 100 * Math.sqrt((rate * (1 - rate)) / Math.max(den, 1))
              : spec.statistic === "mean-per-person"
                ? (0.8 * rate) / Math.sqrt(Math.max(den, 1))
                : (Math.sqrt(Math.max(num, 1)) / Math.max(den, 1)) * 1e5;
          const small = spec.statistic !== "mean-per-person" && num >= 1 && num <= 4;
          rows.push({
            // Comparisons, quintile, trend and gaps: null until derive() works them out.
            ...CELL_TABLE.nulls,
            indicator_id: spec.id,
            year,
            level: area.level,
            system_code: area.system_code,
            area_code: area.area_code,
            stratum,
            stratum_value: value,
            numerator: num,
            denominator: den,
            value: v,
            lower95: Math.max(0, v - 1.96 * se),
            upper95: v + 1.96 * se,
            lower998: Math.max(0, v - 3.09 * se),
            upper998: v + 3.09 * se,
            hidden: small ? "suppressed" : null,
            region_code: area.region_code,
            low_count: spec.statistic === "directly-standardised-rate" ? num < 10 : false,
            se,
          });
        }
      }
    }
  }
  for (const h of HIDDEN_CASES) {
    const row = h.indicator_id === spec.id ? rows.find((r) => keyOf(r) === keyOf(h) && r.stratum === h.stratum) : undefined;
    if (row) row.hidden = h.hidden;
  }
  derive(rows, spec, years);
  for (const r of rows.filter((r) => r.hidden)) {
    Object.assign(r, CELL_TABLE.nulls);
  }
  return rows;
}

function derive(rows: Row[], spec: IndicatorSpec, years: number[]): void {
  const byKey = new Map(rows.map((r) => [`${r.stratum}|${keyOf(r)}`, r]));
  const find = (r: Row, level: string, code: string | null, value = r.stratum_value, year = r.year, stratum = r.stratum) =>
    code === null ? undefined : (byKey.get(`${stratum}|${year}|${level}||${code}|${value}`) ?? byKey.get(`${stratum}|${year}|${level}|${r.system_code ?? ""}|${code}|${value}`));
  for (const r of rows) {
    if (r.level !== "belgium") r.compared_belgium = category(r, find(r, "belgium", "BE"), spec.polarity);
    if (r.level !== "belgium" && r.level !== "region") r.compared_region = category(r, find(r, "region", r.region_code), spec.polarity);
    const series = years.filter((y) => y <= r.year && y > r.year - 5).map((y) => byKey.get(`${r.stratum}|${keyOf({ ...r, year: y })}`));
    if (series.length === 5 && series.every((s) => s && !s.hidden && s.value !== null)) {
      const xs = series.map((s) => (s as Row).year);
      const ys = series.map((s) => (s as Row).value as number);
      const mx = xs.reduce((a, b) => a + b) / 5;
      const my = ys.reduce((a, b) => a + b) / 5;
      const slope = xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
      r.trend_slope = slope;
      const up = slope > 0;
      r.trend =
        Math.abs(slope) < 0.005 * Math.abs(my)
          ? "no-significant-change"
          : spec.polarity === "no-judgement"
            ? up
              ? "increasing"
              : "decreasing"
            : up === (spec.polarity === "high-is-good")
              ? "getting-better"
              : "getting-worse";
    }
    if (r.stratum === "total" && spec.strata.includes("bim")) {
      const b = find(r, r.level, r.area_code, "bim", r.year, "bim");
      const n = find(r, r.level, r.area_code, "non-bim", r.year, "bim");
      if (b && n && !b.hidden && !n.hidden && b.value !== null && n.value !== null && n.value > 0) {
        const se = Math.sqrt(b.se ** 2 + n.se ** 2);
        r.bim_difference = b.value - n.value;
        r.bim_difference_lower95 = r.bim_difference - 1.96 * se;
        r.bim_difference_upper95 = r.bim_difference + 1.96 * se;
        r.bim_ratio = b.value / n.value;
        const logSe = Math.sqrt((b.se / Math.max(b.value, 1e-9)) ** 2 + (n.se / n.value) ** 2);
        r.bim_ratio_lower95 = r.bim_ratio * Math.exp(-1.96 * logSe);
        r.bim_ratio_upper95 = r.bim_ratio * Math.exp(1.96 * logSe);
      }
    }
  }
  // Quintiles among the published totals of each year: zones of the system, or municipalities.
  for (const level of ["zone", "municipality"]) {
    for (const year of years) {
      const peers = rows.filter((r) => r.level === level && r.year === year && r.stratum === "total" && !r.hidden && r.value !== null).sort((a, b) => (a.value as number) - (b.value as number));
      peers.forEach((r, i) => (r.quintile = Math.min(5, Math.floor((5 * i) / peers.length) + 1)));
    }
  }
}
