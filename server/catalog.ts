import { LANGUAGES as LANGS, type Language as Lang } from "../core/languages.ts";
import { AREA_TABLE, LEVELS, ZONE_MEMBER_TABLE, ZONE_SYSTEM_TABLE, type IndicatorRow as StoredIndicatorRow, type Level, type ZoneMemberRow, type ZoneSystemRow } from "../release/format.ts";
import type { ReadOnlyDuckDB } from "./duckdb-pool.ts";
import type { AreaSchema } from "./schemas.ts";
import type { z } from "zod";

export { LANGS, LEVELS, type Lang, type Level, type ZoneMemberRow, type ZoneSystemRow };
const STRATUM_ORDER = ["sex", "age-band", "bim"];

/** A row of the release's `area` table with a name in every language (withFallbackNames). */
export type AreaRow = z.infer<typeof AreaSchema>;
export type Texts = Record<Lang, string>;

/** An indicator as the server holds it: the release's row with its texts and targets parsed. */
export interface IndicatorRow extends Omit<StoredIndicatorRow, "metadata" | "targets"> {
  /** Every text in the four languages: a missing language falls back to English. */
  metadata: Record<string, Texts>;
  targets: unknown;
  /** Years with total cells, by level. */
  years: Partial<Record<string, number[]>>;
  /** The first and last sub-annual period with cells, by level (none without `sub_annual`). */
  periods: Partial<Record<string, { first: string; last: string }>>;
}

export const areaKey = (level: string, system: string | null | undefined, code: string) => `${level}|${system ?? ""}|${code}`;

/** The release's small tables, held in memory: every request consults them, none changes them. */
export interface Catalog {
  areas: AreaRow[];
  area: Map<string, AreaRow>;
  systems: ZoneSystemRow[];
  members: ZoneMemberRow[];
  membersOfZone: Map<string, ZoneMemberRow[]>;
  zonesOfMunicipality: Map<string, ZoneMemberRow[]>;
  indicators: IndicatorRow[];
  indicator: Map<string, IndicatorRow>;
  years: number[];
}

function fourLanguages(value: unknown): Texts | undefined {
  if (typeof value === "string") return { fr: value, nl: value, de: value, en: value };
  if (value === null || typeof value !== "object") return undefined;
  const t = value as Partial<Record<string, unknown>>;
  const fallback = [t.en, t.fr, t.nl, t.de].find((v): v is string => typeof v === "string");
  if (fallback === undefined) return undefined;
  const pick = (l: Lang) => (typeof t[l] === "string" ? (t[l] as string) : fallback);
  return { fr: pick("fr"), nl: pick("nl"), de: pick("de"), en: pick("en") };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string") return text ?? null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

type Named = { name_fr: string; name_nl: string; name_de: string; name_en: string };

/**
 * A name missing in one language (NULL or empty: most municipalities have no official German or
 * English name) falls back to another, so every area has four strings and search, sorting and
 * labels never meet a NULL. Order: English, French, Dutch, German, then the area's code.
 */
export function withFallbackNames<T extends Named>(row: T, code: string): T {
  const names = row as unknown as Record<string, unknown>;
  const given = (l: Lang) => (typeof names[`name_${l}`] === "string" && names[`name_${l}`] !== "" ? (names[`name_${l}`] as string) : undefined);
  const fallback = given("en") ?? given("fr") ?? given("nl") ?? given("de") ?? code;
  return { ...row, name_fr: given("fr") ?? fallback, name_nl: given("nl") ?? fallback, name_de: given("de") ?? fallback, name_en: given("en") ?? fallback };
}

export async function loadCatalog(db: ReadOnlyDuckDB): Promise<Catalog> {
  const levelOrder = `CASE level ${LEVELS.map((l, i) => `WHEN '${l}' THEN ${i}`).join(" ")} END`;
  const areas = (await db.all<AreaRow>(`SELECT ${AREA_TABLE.names.join(", ")} FROM area ORDER BY ${levelOrder}, system_code NULLS FIRST, area_code`)).map((a) => withFallbackNames(a, a.area_code));
  const systems = (await db.all<ZoneSystemRow>(`SELECT ${ZONE_SYSTEM_TABLE.names.join(", ")} FROM zone_system ORDER BY system_code`)).map((s) => withFallbackNames(s, s.system_code));
  const members = await db.all<ZoneMemberRow>(`SELECT ${ZONE_MEMBER_TABLE.names.join(", ")} FROM zone_member ORDER BY system_code, zone_code, nis_code, sector_code NULLS FIRST`);
  // strata and levels are columns of `indicator` in docs/release-format.md; where a release
  // lacks them they are read off the cells (levels and breakdowns that have cells).
  const columns = new Set((await db.all<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'indicator'")).map((c) => c.column_name));
  const listed = columns.has("strata") && columns.has("levels");
  // Releases before sub-annual periods have neither the column nor the table: yearly only.
  const subAnnual = columns.has("sub_annual") ? "sub_annual" : "CAST(NULL AS VARCHAR)";
  const hasPeriods = (await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'period_cell'"))[0]?.n === 1;
  const rawIndicators = await db.all<Omit<IndicatorRow, "metadata" | "targets" | "years" | "periods"> & { metadata: unknown; targets: unknown }>(
    listed
      ? `SELECT id, version, aim, type, statistic, unit, polarity, strata, levels, CAST(metadata AS VARCHAR) AS metadata, CAST(targets AS VARCHAR) AS targets, ${subAnnual} AS sub_annual FROM indicator ORDER BY id`
      : `SELECT i.id, i.version, i.aim, i.type, i.statistic, i.unit, i.polarity, coalesce(c.strata, []) AS strata, coalesce(c.levels, []) AS levels,
                CAST(i.metadata AS VARCHAR) AS metadata, CAST(i.targets AS VARCHAR) AS targets, ${subAnnual} AS sub_annual
           FROM indicator i LEFT JOIN (
             SELECT indicator_id, list(DISTINCT stratum) FILTER (WHERE stratum <> 'total') AS strata, list(DISTINCT level) AS levels
               FROM cell GROUP BY indicator_id) c ON c.indicator_id = i.id
          ORDER BY i.id`,
  );
  const yearRows = await db.all<{ indicator_id: string; level: string; years: number[] }>(
    "SELECT indicator_id, level, list(DISTINCT year ORDER BY year) AS years FROM cell WHERE stratum = 'total' GROUP BY ALL",
  );
  const years = new Map<string, Partial<Record<string, number[]>>>();
  for (const r of yearRows) {
    const entry = years.get(r.indicator_id) ?? {};
    entry[r.level] = r.years;
    years.set(r.indicator_id, entry);
  }
  const periodRows = hasPeriods
    ? await db.all<{ indicator_id: string; level: string; first: string; last: string }>(
        "SELECT indicator_id, level, arg_min(period, year * 100 + period_index) AS first, arg_max(period, year * 100 + period_index) AS last FROM period_cell GROUP BY ALL",
      )
    : [];
  const periods = new Map<string, Partial<Record<string, { first: string; last: string }>>>();
  for (const r of periodRows) periods.set(r.indicator_id, { ...periods.get(r.indicator_id), [r.level]: { first: r.first, last: r.last } });
  const indicators: IndicatorRow[] = rawIndicators.map((r) => {
    const metadata: Record<string, Texts> = {};
    const parsed = parseJson(r.metadata);
    if (parsed && typeof parsed === "object") {
      for (const [k, v] of Object.entries(parsed)) {
        const t = fourLanguages(v);
        if (t) metadata[k] = t;
      }
    }
    const strata = listed ? (r.strata ?? []) : [...(r.strata ?? [])].sort((a, b) => STRATUM_ORDER.indexOf(a) - STRATUM_ORDER.indexOf(b));
    const levels = listed ? (r.levels ?? []) : [...(r.levels ?? [])].sort((a, b) => LEVELS.indexOf(a as Level) - LEVELS.indexOf(b as Level));
    const ownPeriods = r.sub_annual ? (periods.get(r.id) ?? {}) : {};
    return { ...r, strata, levels, metadata, targets: parseJson(r.targets), years: years.get(r.id) ?? {}, periods: ownPeriods };
  });
  const allYears = [...new Set(yearRows.flatMap((r) => r.years))].sort((a, b) => a - b);
  return {
    areas,
    area: new Map(areas.map((a) => [areaKey(a.level, a.system_code, a.area_code), a])),
    systems,
    members,
    membersOfZone: groupBy(members, (m) => `${m.system_code}|${m.zone_code}`),
    zonesOfMunicipality: groupBy(members, (m) => m.nis_code),
    indicators,
    indicator: new Map(indicators.map((i) => [i.id, i])),
    years: allYears,
  };
}

export function areaName(area: { name_fr: string; name_nl: string; name_de: string; name_en: string }, lang: Lang): string {
  return area[`name_${lang}`];
}
