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
import { indexGeography, type GeoIndex } from "./geo-index.ts";
import type { ReleaseGeography } from "./geography.ts";

export interface ModelOptions {
  /** Publish municipalities' totals (default false: zones and larger areas only). */
  municipalities?: boolean;
  /** Publish municipal breakdowns by sex, age band and BIM status too (implies municipalities). */
  municipalityStrata?: boolean;
}

/** Whether municipal cells of this stratum are unpublished, hence modelled by atom. */
function atomized(stratum: string, options: ModelOptions): boolean {
  if (options.municipalityStrata) return false;
  return !options.municipalities || stratum !== "total";
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
  /** Numerator problems: ids of the denominator cells they carry, decided by the first phase. */
  denominatorCells?: ReadonlySet<string>;
}

export interface DisclosureModel {
  /** First phase: the denominators, one problem per year and linked populations. */
  denominators: YearProblem[];
  /** Second phase: one problem per year and numerator (with its linked populations). */
  numerators: YearProblem[];
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
  // Staff counts are declared (`counts: professionals`) and exempt from the minimum count.
  if (def.counts === "professionals") return false;
  return !def["zone-value"] && def.statistic !== "mean-per-person" && def.statistic !== "ratio-of-measures";
}

export function isPublished(cell: Pick<IndicatorCell, "level" | "stratum">, options: ModelOptions): boolean {
  if (cell.level === "sector") return false;
  return cell.level !== "municipality" || !atomized(cell.stratum, options);
}

export function buildModel(cells: readonly IndicatorCell[], defs: readonly Definition[], geography: ReleaseGeography, options: ModelOptions): DisclosureModel {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const counts: CellCounts[] = cells.map(() => ({}));
  // family|year → area|stratum|value → {value, publishable}
  const tables = new Map<string, { year: number; group: string; family: string; strata: Set<string>; values: Map<string, { value: number; publishable: boolean }>; rests: { den: string; num: string; rest: string; value: number }[] }>();

  const table = (family: string, year: number, group: string) => {
    const key = `${family}@${year}`;
    let t = tables.get(key);
    if (!t) tables.set(key, (t = { year, group, family, strata: new Set(), values: new Map(), rests: [] }));
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
  // Families and groups per definition, not per cell: they are JSON keys, and there are ~10⁶ cells.
  const keysOf = new Map<string, { family?: string; group: string; numFamily?: string }>();
  const familyKeys = (def: Definition) => {
    let k = keysOf.get(def.id);
    if (!k) {
      const family = denominatorFamily(def);
      const group = problemGroup(def);
      const numFamily = family && countedNumerator(def) ? numeratorFamily(def) : undefined;
      if (family) families.set(family, { population: def.population ?? {}, kind: def["zone-value"] ? family : "persons", group });
      if (numFamily) families.set(numFamily, { population: def.population ?? {}, kind: `numerator:${JSON.stringify(def.numerator)}`, group });
      keysOf.set(def.id, (k = { family, group, numFamily }));
    }
    return k;
  };
  // Cells in a canonical order: the engine returns them in any order, and the order of a
  // problem's cells steers ties in suppression, so the same data would otherwise give different
  // (equally safe) patterns and release ids from one run to the next.
  const sortKey = cells.map((c) => `${c.indicator_id}|${c.year}|${c.level}|${c.system_code ?? ""}|${c.area_code}|${c.stratum}|${c.stratum_value}`);
  const order = cells.map((_, i) => i).sort((a, b) => (sortKey[a]! < sortKey[b]! ? -1 : sortKey[a]! > sortKey[b]! ? 1 : 0));
  for (const i of order) {
    const cell = cells[i]!;
    const def = byId.get(cell.indicator_id);
    if (!def) throw new Error(`cell of unknown indicator ${cell.indicator_id}`);
    const { family, group, numFamily } = familyKeys(def);
    if (!family || !Number.isFinite(cell.denominator)) continue;
    const den = put(table(family, cell.year, group), cell, cell.denominator);
    counts[i]!.denominator = den;
    if (!numFamily) continue;
    const numTable = table(numFamily, cell.year, group);
    const num = put(numTable, cell, cell.numerator);
    counts[i]!.numerator = num;
    if (def.statistic === "proportion") numTable.rests.push({ den, num, rest: `${num}|rest:${def.id}`, value: cell.denominator - cell.numerator });
  }

  // Two phases: denominators are shared by many indicators, so they are protected first, all
  // linked populations of a year together; then each numerator with its linked populations,
  // its denominators fixed as the first phase left them (published: known; hidden: latent).
  const atoms = options.municipalityStrata ? new Map<string, string>() : atomsOf(geography);
  const geo = indexGeography(geography);
  // A table's cells and relations do not depend on the problem it is in, and a denominator's
  // tables come along in every numerator problem that divides by it: build each table once.
  const added = new Map<string, SdcProblem>();
  const build = (keys: string[]) => {
    const p: SdcProblem = { cells: [], relations: [] };
    const members = keys.map((k) => tables.get(k)!);
    for (const k of keys) {
      let part = added.get(k);
      if (!part) added.set(k, (part = addTable({ cells: [], relations: [] }, tables.get(k)!, geo, options, atoms)));
      for (const c of part.cells) p.cells.push({ ...c });
      for (const r of part.relations) p.relations.push(r);
    }
    const cellIds = new Set(p.cells.map((c) => c.id));
    const local = new Map(keys.map((k) => [k, tables.get(k)!]));
    for (const t of members) linkFamilies(p, t, local, families, atoms, cellIds, atomized("total", options), geo.sectorGroup);
    return p;
  };
  const denominatorKeys = new Map<string, string[]>();
  const numeratorKeys = new Map<string, string[]>();
  for (const [key, t] of tables) {
    const isNumerator = t.family.startsWith("numerator:");
    const kind = families.get(t.family)!.kind;
    const pKey = isNumerator ? `${t.year}|${kind}|${t.group}` : `${t.year}|${t.group}`;
    const into = isNumerator ? numeratorKeys : denominatorKeys;
    into.set(pKey, [...(into.get(pKey) ?? []), key]);
  }
  const denominators = [...denominatorKeys].map(([key, keys]) => ({ key, problem: build(keys) }));
  const numerators = [...numeratorKeys].map(([key, keys]) => {
    // The denominators its rests refer to come along, with their own relations.
    const dens = new Set(keys.flatMap((k) => tables.get(k)!.rests.map((r) => r.den.slice(0, r.den.indexOf("|")))));
    const problem = build([...keys, ...dens]);
    const denominatorCells = new Set(problem.cells.filter((c) => [...dens].some((d) => c.id.startsWith(`${d}|`))).map((c) => c.id));
    return { key, problem, denominatorCells };
  });
  return { denominators, numerators, counts };
}

/**
 * Atoms: when municipal breakdowns are not published, the municipalities that lie in the same
 * province and in the same zone of every system are indistinguishable to an attacker, so their
 * unpublished breakdown cells are modelled summed, one latent cell per atom and stratum value.
 * This is exact (any split of an atom's figures among its municipalities within their
 * published totals is feasible) and makes the model several times smaller.
 * Municipalities split between zones by sector keep their own cells.
 */
function atomsOf(geo: ReleaseGeography): Map<string, string> {
  const zonesOf = new Map<string, string[]>();
  const split = new Set(geo.members.filter((m) => m.sector_code !== null).map((m) => m.nis_code));
  for (const m of geo.members) if (m.sector_code === null) zonesOf.set(m.nis_code, [...(zonesOf.get(m.nis_code) ?? []), `${m.system_code}:${m.zone_code}`]);
  const atoms = new Map<string, string>();
  for (const a of geo.areas) {
    if (a.level !== "municipality" || split.has(a.area_code)) continue;
    atoms.set(a.area_code, [a.region_code, a.province_code ?? "-", ...(zonesOf.get(a.area_code) ?? []).sort()].join("+"));
  }
  return atoms;
}

function addTable(
  p: SdcProblem,
  t: { year: number; family: string; strata: Set<string>; values: Map<string, { value: number; publishable: boolean }>; rests: { den: string; num: string; rest: string; value: number }[] },
  geo: GeoIndex,
  options: ModelOptions,
  atoms: ReadonlyMap<string, string>,
): SdcProblem {
  const prefix = `${t.family}@${t.year}|`;
  const id = (level: string, system: string | null, area: string, stratum: string, value: string) => `${prefix}${level}|${system ?? ""}|${area}|${stratum}|${value}`;
  const known = new Set<string>();
  const atomSums = new Map<string, number>();
  // Sectors are modelled by group (geo-index.ts): one unknown per municipality and set of zones.
  const sectorSums = new Map<string, number>();
  for (const [local, v] of t.values) {
    const [level, , area, stratum, value] = local.split("|") as [string, string, string, string, string];
    if (level === "sector") {
      const groupId = id("sector", null, geo.sectorGroup.get(area) ?? area, stratum, value);
      sectorSums.set(groupId, (sectorSums.get(groupId) ?? 0) + v.value);
      continue;
    }
    const atom = level === "municipality" ? atoms.get(area) : undefined;
    if (atom !== undefined && atomized(stratum, options)) {
      const atomId = id("atom", null, atom, stratum, value);
      atomSums.set(atomId, (atomSums.get(atomId) ?? 0) + v.value);
      continue;
    }
    p.cells.push({ id: prefix + local, value: v.value, publishable: v.publishable });
    known.add(prefix + local);
  }
  for (const [cellId, value] of [...atomSums, ...sectorSums]) {
    p.cells.push({ id: cellId, value, publishable: false });
    known.add(cellId);
  }
  const has = (cellId: string) => known.has(cellId);
  const latent: SdcCell[] = [];
  const relation = (total: string, parts: string[]) => {
    const present = [...new Set(parts)].filter(has);
    // A missing cell is an empty one (0 persons), published as such: it drops out of a sum.
    if (has(total) && present.length > 0) p.relations.push({ total, parts: present });
  };

  const sectorsOf = new Map<string, string[]>();
  for (const local of t.values.keys()) {
    const [level, , area] = local.split("|");
    if (level !== "sector") continue;
    const group = geo.sectorGroup.get(area!) ?? area!;
    const nis = geo.municipalityOfGroup.get(group) ?? area!.split("_")[0]!;
    sectorsOf.set(nis, [...new Set([...(sectorsOf.get(nis) ?? []), group])]);
  }
  const strataValues: [string, string][] = [["total", "all"], ...[...t.strata].flatMap((s) => (STRATA[s] ?? []).map((v) => [s, v] as [string, string]))];

  for (const [stratum, value] of strataValues) {
    const c = (level: string, system: string | null, area: string) => id(level, system, area, stratum, value);
    // A municipality's cell, or its atom's when its breakdowns are modelled by atom.
    const unit = (nis: string) => (atomized(stratum, options) && atoms.has(nis) ? id("atom", null, atoms.get(nis)!, stratum, value) : c("municipality", null, nis));
    relation(c("belgium", null, "BE"), geo.regions.map((r) => c("region", null, r)));
    for (const r of geo.regions) {
      relation(c("region", null, r), [...(geo.provincesOf.get(r) ?? []).map((a) => c("province", null, a)), ...(geo.looseOf.get(r) ?? []).map(unit)]);
    }
    for (const pr of geo.provinces) relation(c("province", null, pr), (geo.municipalitiesOf.get(pr) ?? []).map(unit));
    // A municipality with sectors: Σ sectors + the rest of its persons (latent).
    for (const [nis, sectors] of sectorsOf) {
      const total = c("municipality", null, nis);
      if (!has(total)) continue;
      const parts = sectors.map((s) => c("sector", null, s)).filter(has);
      const rest = t.values.get(total.slice(prefix.length))!.value - parts.reduce((s, x) => s + sectorSums.get(x)!, 0);
      if (rest < 0) throw new Error(`disclosure model: the sectors of ${nis} hold more than the municipality (${t.family} ${t.year})`);
      const restId = `${total}|unsectored`;
      latent.push({ id: restId, value: rest, publishable: false });
      p.relations.push({ total, parts: [...parts, restId] });
    }
    for (const { system, zone, members } of geo.zones) {
      relation(c("zone", system, zone), members.map((m) => (m.sector ? c("sector", null, m.sector) : unit(m.nis))));
    }
  }
  // Strata: for every area (and atom), the total is the sum of each breakdown. An atom's
  // total is the sum of its municipalities' published totals, a latent cell of its own.
  const areas = new Set([...known].map((cellId) => cellId.slice(prefix.length).split("|").slice(0, 3).join("|")));
  const municipalitiesOf = new Map<string, string[]>();
  for (const [nis, atom] of atoms) municipalitiesOf.set(atom, [...(municipalitiesOf.get(atom) ?? []), nis]);
  for (const area of areas) {
    if (area.startsWith("atom|") && !atomized("total", options)) {
      const total = `${prefix}${area}|total|all`;
      const atom = area.split("|")[2]!;
      const members = (municipalitiesOf.get(atom) ?? []).map((nis) => id("municipality", null, nis, "total", "all")).filter(has);
      const value = members.reduce((s, m) => s + t.values.get(m.slice(prefix.length))!.value, 0);
      p.cells.push({ id: total, value, publishable: false });
      known.add(total);
      p.relations.push({ total, parts: members });
    }
    for (const s of t.strata) relation(`${prefix}${area}|total|all`, (STRATA[s] ?? []).map((v) => `${prefix}${area}|${s}|${v}`));
  }
  // Every rest, even 0: the relation tells the attacker numerator ≤ denominator. Rests of
  // municipalities modelled by atom are summed into the atom's rest.
  // Sectors by group, likewise (see above).
  const toAtom = (cellId: string, from: string) => {
    const [level, , area, stratum, value] = cellId.slice(cellId.indexOf("|") + 1).split("|") as [string, string, string, string, string];
    if (level === "sector") return `${from}${id("sector", null, geo.sectorGroup.get(area) ?? area, stratum, value).slice(prefix.length)}`;
    const atom = level === "municipality" && atomized(stratum, options) ? atoms.get(area) : undefined;
    return atom === undefined ? cellId : `${from}${id("atom", null, atom, stratum, value).slice(prefix.length)}`;
  };
  const rests = new Map<string, { den: string; num: string; value: number }>();
  for (const r of t.rests) {
    const den = toAtom(r.den, r.den.slice(0, r.den.indexOf("|") + 1));
    const num = toAtom(r.num, prefix);
    const rest = `${num}|${r.rest.slice(r.rest.lastIndexOf("|rest:") + 1)}`;
    const seen = rests.get(rest);
    if (seen) seen.value += r.value;
    else rests.set(rest, { den, num, value: r.value });
  }
  for (const [rest, r] of rests) {
    latent.push({ id: rest, value: r.value, publishable: false });
    p.relations.push({ total: r.den, parts: [r.num, rest] });
  }
  for (const c of latent) p.cells.push(c);
  return p;
}

type Table = { year: number; family: string; values: Map<string, { value: number; publishable: boolean }> };
const OPEN = Infinity;
const AGE_BANDS: [string, number, number][] = [["0-17", 0, 17], ["18-44", 18, 44], ["45-64", 45, 64], ["65-74", 65, 74], ["75+", 75, OPEN]];

/**
 * Families that differ by ONE filter are tied: the total of "population + BIM" is the BIM
 * cell of "population", likewise for sex, and an age range made of whole bands is the sum of
 * those band cells. (Two filters apart, the tie goes through an unpublished cross-tabulation.)
 */
function linkFamilies(
  p: SdcProblem,
  t: Table,
  tables: ReadonlyMap<string, Table>,
  families: ReadonlyMap<string, { population: Population; kind: string; group: string }>,
  atoms: ReadonlyMap<string, string>,
  cellIds: ReadonlySet<string>,
  totalsAtomized: boolean,
  sectorGroup: ReadonlyMap<string, string>,
): void {
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
    // Sectors are modelled by group (see addTable): one area per group.
    const areas = new Set([...t.values.keys()].map((local) => {
      const [level, system, code] = local.split("|") as [string, string, string];
      return level === "sector" ? `sector|${system}|${sectorGroup.get(code) ?? code}` : `${level}|${system}|${code}`;
    }));
    // Municipalities modelled by atom are tied atom by atom, through a latent cell: the sum of
    // this family's municipal totals = the sum of the base family's atom cells of the tie.
    const byAtom = new Map<string, string[]>();
    const atomAreas = new Set<string>();
    for (const area of areas) {
      if (area.startsWith("sector|")) {
        const total = `${t.family}@${t.year}|${area}|total|all`;
        const baseParts = parts.map(([s, v]) => `${family}@${t.year}|${area}|${s}|${v}`).filter((x) => cellIds.has(x));
        if (cellIds.has(total) && baseParts.length === parts.length) p.relations.push({ total, parts: baseParts });
        continue;
      }
      if (!mineRow(area)) continue;
      const [level, , code] = area.split("|");
      const atom = level === "municipality" ? atoms.get(code!) : undefined;
      if (atom !== undefined && totalsAtomized) {
        // Both totals are atom cells: tie them directly, once per atom.
        if (atomAreas.has(atom)) continue;
        atomAreas.add(atom);
        const baseParts = parts.map(([s, v]) => `${family}@${t.year}|atom||${atom}|${s}|${v}`).filter((x) => cellIds.has(x));
        const total = `${t.family}@${t.year}|atom||${atom}|total|all`;
        if (baseParts.length === parts.length && cellIds.has(total)) p.relations.push({ total, parts: baseParts });
        continue;
      }
      if (atom !== undefined) {
        byAtom.set(atom, [...(byAtom.get(atom) ?? []), `${t.family}@${t.year}|${area}|total|all`]);
        continue;
      }
      const baseParts = parts.map(([s, v]) => `${area}|${s}|${v}`).filter((local) => base.values.has(local));
      // The base family must publish (or model) every band of the tie, else there is no equation.
      if (baseParts.length !== parts.length) continue;
      p.relations.push({ total: `${t.family}@${t.year}|${area}|total|all`, parts: baseParts.map((local) => `${family}@${t.year}|${local}`) });
    }
    for (const [atom, totals] of byAtom) {
      const baseParts = parts.map(([s, v]) => `${family}@${t.year}|atom||${atom}|${s}|${v}`).filter((x) => cellIds.has(x));
      if (baseParts.length !== parts.length) continue;
      const link = `${t.family}@${t.year}|link|${family}|${atom}`;
      const value = totals.reduce((sum, x) => sum + t.values.get(x.slice(x.indexOf("|") + 1))!.value, 0);
      p.cells.push({ id: link, value, publishable: false });
      p.relations.push({ total: link, parts: totals }, { total: link, parts: baseParts });
    }
  }
}
