/**
 * Turns a run's cells into the disclosure-control library's model (disclosure/): count cells
 * tied by the additive relations that an attacker knows, for ONE year and ONE denominator
 * population. Years are separate tables (no published figure adds years up), and indicators
 * are linked only through a shared denominator, so these problems are independent.
 *
 * The model, for each count family (a denominator population, or an indicator's numerator):
 * - one cell per area and stratum value;
 * - strata: total = Σ sex = Σ age bands = Σ BIM status (the strata the indicator has);
 * - geography, within each stratum value: Belgium = Σ regions; region = Σ provinces + its
 *   municipalities outside provinces (Brussels); province = Σ municipalities; zone = Σ whole
 *   member municipalities + member sectors; a municipality with sectors = Σ sectors + the
 *   rest. Sectors and rests are latent (never published), so a municipality split between
 *   zones of overlapping systems is modelled exactly;
 * - proportions: denominator = numerator + rest, the rest latent (everyone in a small group
 *   sharing the attribute is a disclosure too).
 * Denominators are shared by every indicator of the same population: one cell, one decision.
 * Municipal strata are published or not per options; unpublished ones stay in the model as
 * latent cells, as the attacker's unknowns.
 */
import type { SdcCell, SdcProblem, SdcRelation } from "../disclosure/index.ts";
import type { Definition } from "../indicators/definition/schema.ts";
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import { MAX_AGE } from "../indicators/definition/vocabulary.ts";
import type { ReleaseGeography } from "./geography.ts";

export interface ModelOptions {
  /** Publish municipal breakdowns by sex, age band and BIM status (default false: totals only). */
  municipalityStrata: boolean;
}

export interface CellCounts {
  /** Id of the numerator's model cell, when the numerator is a protected count. */
  numerator?: string;
  /** Id of the denominator's model cell, when protected. */
  denominator?: string;
}

export interface YearProblem {
  key: string;
  problem: SdcProblem;
}

export interface DisclosureModel {
  problems: YearProblem[];
  /** For each published cell (by index in the run), the model cells its counts are. */
  counts: CellCounts[];
}

const STRATA: Record<string, string[]> = { sex: ["F", "M"], "age-band": ["0-17", "18-44", "45-64", "65-74", "75+"], bim: ["bim", "non-bim", "unknown"] };

type Population = NonNullable<Definition["population"]>;
const canonical = (p: Population) => JSON.stringify(Object.fromEntries(Object.entries(p).sort(([a], [b]) => a.localeCompare(b))));

/** Which population a definition's denominator counts: equal keys, equal counts. */
export function denominatorFamily(def: Definition): string | undefined {
  if (def.statistic === "ratio-of-measures") return undefined;
  if (def["zone-value"]) return def.statistic === "zone-mean" ? `respondents:${def.id}` : "persons:{}";
  // A hand-written query counts a population of its own (treated diabetics, say).
  if (def.sql !== undefined) return `query:${def.id}`;
  return `persons:${canonical(def.population ?? {})}`;
}

/** Which count a definition's numerator is: the same events of the same population, the same cells. */
function numeratorFamily(def: Definition): string {
  return `numerator:${JSON.stringify(def.numerator)}:${canonical(def.population ?? {})}`;
}

/**
 * Problems group the families whose populations differ only by sex, BIM status or age:
 * a population "BIM only" is the BIM cell of the population without that filter (and an
 * age range aligned on the bands is a sum of age-band cells), so they must be audited
 * together.
 */
export function problemGroup(def: Definition): string {
  // Zone supply per inhabitant shares the insured persons of the whole population.
  if (def["zone-value"] && def.statistic !== "zone-mean") return canonical({});
  if (def["zone-value"] || def.sql !== undefined) return denominatorFamily(def)!;
  const { sex: _sex, bim: _bim, age: _age, ...rest } = def.population ?? {};
  return canonical(rest);
}

/** Whether a definition's numerator is a count of persons or events (not euros, not staff). */
function countedNumerator(def: Definition): boolean {
  return !def["zone-value"] && def.statistic !== "mean-per-person" && def.statistic !== "ratio-of-measures";
}

export function isPublished(cell: Pick<IndicatorCell, "level" | "stratum">, options: ModelOptions): boolean {
  if (cell.level === "sector") return false;
  return cell.level !== "municipality" || cell.stratum === "total" || options.municipalityStrata;
}

export function buildModel(cells: readonly IndicatorCell[], defs: readonly Definition[], geography: ReleaseGeography, options: ModelOptions): DisclosureModel {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const counts: CellCounts[] = cells.map(() => ({}));
  // family|year → area|stratum|value → {value, publishable}
  const tables = new Map<string, { year: number; group: string; family: string; strata: Set<string>; values: Map<string, { value: number; publishable: boolean }>; rests: { den: string; num: string; rest: string; value: number }[] }>();
  const problemOf = new Map<string, string>(); // table key → problem key (year|denominator family)

  const table = (family: string, year: number, group: string) => {
    const key = `${family}@${year}`;
    let t = tables.get(key);
    if (!t) tables.set(key, (t = { year, group, family, strata: new Set(), values: new Map(), rests: [] }));
    problemOf.set(key, `${year}|${group}`);
    return t;
  };
  const put = (t: ReturnType<typeof table>, cell: IndicatorCell, value: number) => {
    const local = `${cell.level}|${cell.system_code ?? ""}|${cell.area_code}|${cell.stratum}|${cell.stratum_value}`;
    const publishable = isPublished(cell, options);
    const seen = t.values.get(local);
    if (seen && seen.value !== value) throw new Error(`disclosure model: ${t.family} ${t.year} ${local} is ${seen.value} for one indicator and ${value} for another`);
    t.values.set(local, { value, publishable: publishable || (seen?.publishable ?? false) });
    if (cell.stratum !== "total") t.strata.add(cell.stratum);
    return `${t.family}@${t.year}|${local}`;
  };

  // What each family counts, to link families that differ by one filter (see linkFamilies).
  const families = new Map<string, { population: Population; kind: string; group: string }>();
  cells.forEach((cell, i) => {
    const def = byId.get(cell.indicator_id);
    if (!def) throw new Error(`cell of unknown indicator ${cell.indicator_id}`);
    const family = denominatorFamily(def);
    if (!family || !Number.isFinite(cell.denominator)) return;
    const group = problemGroup(def);
    families.set(family, { population: def.population ?? {}, kind: def["zone-value"] ? family : "persons", group });
    const den = put(table(family, cell.year, group), cell, cell.denominator);
    counts[i]!.denominator = den;
    if (!countedNumerator(def)) return;
    const numFamily = numeratorFamily(def);
    families.set(numFamily, { population: def.population ?? {}, kind: `numerator:${JSON.stringify(def.numerator)}`, group });
    const numTable = table(numFamily, cell.year, group);
    const num = put(numTable, cell, cell.numerator);
    counts[i]!.numerator = num;
    if (def.statistic === "proportion") numTable.rests.push({ den, num, rest: `${num}|rest:${def.id}`, value: cell.denominator - cell.numerator });
  });

  const problems = new Map<string, SdcProblem>();
  for (const [key, t] of tables) {
    const pKey = problemOf.get(key)!;
    let p = problems.get(pKey);
    if (!p) problems.set(pKey, (p = { cells: [], relations: [] }));
    addTable(p, t, geography);
  }
  for (const [key, t] of tables) linkFamilies(problems.get(problemOf.get(key)!)!, t, tables, families);
  return { problems: [...problems].map(([key, problem]) => ({ key, problem })), counts };
}

function addTable(
  p: SdcProblem,
  t: { year: number; family: string; strata: Set<string>; values: Map<string, { value: number; publishable: boolean }>; rests: { den: string; num: string; rest: string; value: number }[] },
  geo: ReleaseGeography,
): void {
  const prefix = `${t.family}@${t.year}|`;
  const id = (level: string, system: string | null, area: string, stratum: string, value: string) => `${prefix}${level}|${system ?? ""}|${area}|${stratum}|${value}`;
  const has = (cellId: string) => t.values.has(cellId.slice(prefix.length));
  for (const [local, v] of t.values) p.cells.push({ id: prefix + local, value: v.value, publishable: v.publishable });
  const latent: SdcCell[] = [];
  const relation = (total: string, parts: string[]) => {
    const present = parts.filter(has);
    // A missing cell is an empty one (0 persons), published as such: it drops out of a sum.
    if (has(total) && present.length > 0) p.relations.push({ total, parts: present });
  };

  const municipalities = geo.areas.filter((a) => a.level === "municipality");
  const sectorsOf = new Map<string, string[]>();
  for (const local of t.values.keys()) {
    const [level, , area] = local.split("|");
    if (level !== "sector") continue;
    const nis = area!.split("_")[0]!;
    sectorsOf.set(nis, [...new Set([...(sectorsOf.get(nis) ?? []), area!])]);
  }
  const strataValues: [string, string][] = [["total", "all"], ...[...t.strata].flatMap((s) => (STRATA[s] ?? []).map((v) => [s, v] as [string, string]))];

  for (const [stratum, value] of strataValues) {
    const c = (level: string, system: string | null, area: string) => id(level, system, area, stratum, value);
    relation(c("belgium", null, "BE"), geo.areas.filter((a) => a.level === "region").map((r) => c("region", null, r.area_code)));
    for (const r of geo.areas.filter((a) => a.level === "region")) {
      relation(c("region", null, r.area_code), [
        ...geo.areas.filter((a) => a.level === "province" && a.region_code === r.area_code).map((a) => c("province", null, a.area_code)),
        ...municipalities.filter((m) => m.region_code === r.area_code && m.province_code === null).map((m) => c("municipality", null, m.area_code)),
      ]);
    }
    for (const pr of geo.areas.filter((a) => a.level === "province")) relation(c("province", null, pr.area_code), municipalities.filter((m) => m.province_code === pr.area_code).map((m) => c("municipality", null, m.area_code)));
    // A municipality with sectors: Σ sectors + the rest of its persons (latent).
    for (const [nis, sectors] of sectorsOf) {
      const total = c("municipality", null, nis);
      if (!has(total)) continue;
      const parts = sectors.map((s) => c("sector", null, s)).filter(has);
      const rest = t.values.get(total.slice(prefix.length))!.value - parts.reduce((s, x) => s + t.values.get(x.slice(prefix.length))!.value, 0);
      if (rest < 0) throw new Error(`disclosure model: the sectors of ${nis} hold more than the municipality (${t.family} ${t.year})`);
      const restId = `${total}|unsectored`;
      latent.push({ id: restId, value: rest, publishable: false });
      p.relations.push({ total, parts: [...parts, restId] });
    }
    const zones = new Map<string, string[]>();
    for (const m of geo.members) {
      const part = m.sector_code ? c("sector", null, m.sector_code) : c("municipality", null, m.nis_code);
      zones.set(`${m.system_code}|${m.zone_code}`, [...(zones.get(`${m.system_code}|${m.zone_code}`) ?? []), part]);
    }
    for (const [key, parts] of zones) {
      const [system, zone] = key.split("|");
      relation(c("zone", system!, zone!), parts);
    }
  }
  // Strata: for every area, the total is the sum of each breakdown.
  const areas = new Set([...t.values.keys()].map((local) => local.split("|").slice(0, 3).join("|")));
  for (const area of areas) {
    for (const s of t.strata) relation(`${prefix}${area}|total|all`, (STRATA[s] ?? []).map((v) => `${prefix}${area}|${s}|${v}`));
  }
  // Every rest, even 0: the relation tells the attacker numerator ≤ denominator.
  for (const r of t.rests) {
    latent.push({ id: r.rest, value: r.value, publishable: false });
    p.relations.push({ total: r.den, parts: [r.num, r.rest] });
  }
  p.cells.push(...latent);
}

type Table = { year: number; family: string; values: Map<string, { value: number; publishable: boolean }> };
const OPEN = Infinity;
const AGE_BANDS: [string, number, number][] = [["0-17", 0, 17], ["18-44", 18, 44], ["45-64", 45, 64], ["65-74", 65, 74], ["75+", 75, OPEN]];

/**
 * Families that differ by ONE filter are tied: the total of "population + BIM" is the BIM
 * cell of "population", likewise for sex, and an age range made of whole bands is the sum of
 * those band cells. (Two filters apart, the tie goes through an unpublished cross-tabulation.)
 */
function linkFamilies(p: SdcProblem, t: Table, tables: ReadonlyMap<string, Table>, families: ReadonlyMap<string, { population: Population; kind: string; group: string }>): void {
  const mine = families.get(t.family)!;
  for (const [family, other] of families) {
    if (family === t.family || other.kind !== mine.kind || other.group !== mine.group) continue;
    const base = tables.get(`${family}@${t.year}`);
    if (!base) continue;
    const extra = Object.keys(mine.population).filter((k) => JSON.stringify(mine.population[k as keyof Population]) !== JSON.stringify(other.population[k as keyof Population]));
    const missing = Object.keys(other.population).filter((k) => !(k in mine.population));
    if (extra.length !== 1 || missing.length > 0 || extra[0]! in other.population) continue;
    const filter = extra[0] as "sex" | "bim" | "age";
    let parts: [string, string][] = [];
    if (filter === "sex") parts = [["sex", mine.population.sex!]];
    else if (filter === "bim") parts = [["bim", mine.population.bim ? "bim" : "non-bim"]];
    else if (filter === "age") {
      const [min, max] = mine.population.age!;
      // The last band is open: it ends wherever the population's oldest age is.
      const inside = AGE_BANDS.filter(([, from, to]) => from >= min && (to <= max || (to === OPEN && max >= MAX_AGE)));
      const last = inside.at(-1);
      if (!last || inside[0]![1] !== min || !(last[2] === max || (last[2] === OPEN && max >= MAX_AGE))) continue;
      parts = inside.map(([band]) => ["age-band", band]);
    } else continue;
    const mineRow = (area: string) => t.values.has(`${area}|total|all`);
    const areas = new Set([...t.values.keys()].map((local) => local.split("|").slice(0, 3).join("|")));
    for (const area of areas) {
      if (!mineRow(area)) continue;
      const baseParts = parts.map(([s, v]) => `${area}|${s}|${v}`).filter((local) => base.values.has(local));
      // The base family must publish (or model) every band of the tie, else there is no equation.
      if (baseParts.length !== parts.length) continue;
      p.relations.push({ total: `${t.family}@${t.year}|${area}|total|all`, parts: baseParts.map((local) => `${family}@${t.year}|${local}`) });
    }
  }
}
