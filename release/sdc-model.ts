/**
 * Turns a run's cells into the disclosure-control library's model (disclosure/): count cells
 * tied by the additive relations that an attacker knows, for one year (no published figure
 * adds years up).
 *
 * The model, for each count family (a set of persons or events counted by one or more
 * definitions: with `links`, a class of equal columns read from the data, family-links.ts):
 * - one cell per area and stratum value;
 * - strata: total = Σ sex = Σ age bands = Σ BIM status (the strata the indicator has);
 * - geography, within each stratum value: Belgium = Σ regions; region = Σ provinces + its
 *   municipalities outside provinces (Brussels); province = Σ municipalities; zone = Σ whole
 *   member municipalities + member sectors; a municipality with sectors = Σ sectors + the
 *   persons without a sector (a known fact: zone systems cover every sector). Sectors are
 *   latent (never published), so a municipality split between zones is modelled exactly;
 * - proportions: denominator = numerator + rest, the rest latent (everyone in a small group
 *   sharing the attribute is a disclosure too);
 * - sub-annual periods (`sub-annual`): a breakdown of the yearly numerator, total = Σ periods in
 *   every area, atom and sector group, latent below zones (period-model.ts);
 * - between families: restrictions and sums found in the data (family-relations.ts), or for
 *   zone figures and hand-written queries, populations one filter apart (syntax-links.ts).
 * Linked tables are protected together (problem-groups.ts): populations first, then each group
 * of linked numerators with the populations they touch fixed.
 * Municipal strata are published or not per options; unpublished ones stay in the model as
 * latent cells, as the attacker's unknowns.
 */
import type { SdcProblem } from "../disclosure/index.ts";
import type { Definition } from "../indicators/definition/schema.ts";
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import { indexGeography } from "./geo-index.ts";
import type { ReleaseGeography } from "./geography.ts";
import type { FamilyLinks } from "./family-links.ts";
import { familyRelations, type FamilyIndex, type LinkedFamilies } from "./family-relations.ts";
import { groupTables, setFamily } from "./problem-groups.ts";
import { linkFamilies } from "./syntax-links.ts";
import { ageBandLabelsOf } from "../indicators/definition/age-bands.ts";
import { internedLocalKeys } from "./local-keys.ts";
import { statisticOf } from "../indicators/statistics/index.ts";
import type { PeriodCell } from "../indicators/compute/periods.ts";
import { periodModelCell, PERIOD_LEVELS } from "./period-model.ts";
import { addTable, atomized, atomsOf, geographyRelations, type TableValue } from "./model-table.ts";

export interface ModelOptions {
  /** Publish municipalities' totals (default false: zones and larger areas only). */
  municipalities?: boolean;
  /** Publish municipal breakdowns by sex, age band and BIM status too (implies municipalities). */
  municipalityStrata?: boolean;
  /**
   * Test only: a deliberately weakened publisher that protects sub-annual periods without their
   * link to the year (the periods of a year add up to it), to show the outside attacker finds it.
   */
  periodsApart?: boolean;
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
  /** The highest minimum count its definitions ask for (`minimum-count`). */
  minCount: number;
}

export interface DisclosureModel {
  /** First phase: the denominators, one problem per year and linked populations. */
  denominators: YearProblem[];
  /** Second phase: one problem per year and numerator (with its linked populations). */
  numerators: YearProblem[];
  /** For each published cell (by index in the run), the model cells its counts are. */
  counts: CellCounts[];
  /** For each period cell (by index), the model cell of its numerator (period-model.ts). */
  periodCounts: (string | undefined)[];
}

type Population = NonNullable<Definition["population"]>;
const canonical = (p: Population) => JSON.stringify(Object.fromEntries(Object.entries(p).sort(([a], [b]) => a.localeCompare(b))));

/** Which population a definition's denominator counts: equal keys, equal counts. */
export function denominatorFamily(def: Definition): string | undefined {
  // What the statistic's denominator counts is its spec's (indicators/statistics/).
  const counted = statisticOf(def.statistic).disclosure.denominator;
  if (counted === "none") return undefined;
  // A survey's respondents are its own; zone supply divides by all insured persons.
  if (counted === "respondents") return `respondents:${def.id}`;
  if (def["zone-value"]) return "persons:{}";
  // A hand-written query counts a population of its own (treated diabetics, say).
  if (def.sql !== undefined) return `query:${def.id}`;
  return `persons:${canonical(def.population ?? {})}`;
}

/** Which count a definition's numerator is: the same events of the same population, the same cells. */
function numeratorFamily(def: Definition): string {
  // A hand-written query has no numerator block: its own family, unless matched to one read from the data.
  if (def.sql !== undefined) return `numerator:query:${def.id}`;
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
  if (def["zone-value"] && statisticOf(def.statistic).disclosure.denominator === "persons") return canonical({});
  if (def["zone-value"] || def.sql !== undefined) return denominatorFamily(def)!;
  const { sex: _sex, bim: _bim, age: _age, ...rest } = def.population ?? {};
  return canonical(rest);
}

/** Whether a definition's numerator is a count of persons or events (not euros, not staff). */
function countedNumerator(def: Definition): boolean {
  // Staff counts are declared (`counts: professionals`) and exempt from the minimum count.
  if (def.counts === "professionals") return false;
  return !def["zone-value"] && statisticOf(def.statistic).disclosure.numerator;
}

export function isPublished(cell: Pick<IndicatorCell, "level" | "stratum">, options: ModelOptions): boolean {
  if (cell.level === "sector") return false;
  return cell.level !== "municipality" || !atomized(cell.stratum, options);
}

/** Per hand-written definition and year: its counts by local key (level|system|area|stratum|value). */
function handWrittenCounts(cells: readonly IndicatorCell[], indices: readonly number[], byId: ReadonlyMap<string, Definition>) {
  const out = new Map<string, { def: Definition; year: number; den: Map<string, number>; num: Map<string, number> }>();
  for (const i of indices) {
    const c = cells[i]!;
    const key = `${c.indicator_id}@${c.year}`;
    let e = out.get(key);
    if (!e) out.set(key, (e = { def: byId.get(c.indicator_id)!, year: c.year, den: new Map(), num: new Map() }));
    const local = `${c.level}|${c.system_code ?? ""}|${c.area_code}|${c.stratum}|${c.stratum_value}`;
    if (Number.isFinite(c.denominator)) e.den.set(local, c.denominator);
    if (Number.isFinite(c.numerator)) e.num.set(local, c.numerator);
  }
  return out;
}

/**
 * A family read from the data whose cells hold the same counts as a hand-written query's, on
 * every cell the query gives (at least five of them non-zero): the query counts the same persons,
 * so it shares that family's cells (a numerator reused as its denominator, say).
 */
function equalFamily(tables: ReadonlyMap<string, ModelTable>, year: number, counts: ReadonlyMap<string, number>): string | undefined {
  if ([...counts.values()].filter((v) => v > 0).length < 5) return undefined;
  for (const t of tables.values()) {
    if (t.year !== year || !t.family.startsWith("set:")) continue;
    if ([...counts].every(([local, v]) => t.values.get(local)?.value === v)) return t.family;
  }
  return undefined;
}

type ModelTable = {
  year: number;
  group: string;
  family: string;
  strata: Set<string>;
  values: Map<string, TableValue>;
  /** den = num + rest, per cell of a proportion; `def`: the definition whose rest it is. */
  rests: { den: string; num: string; def: string; value: number }[];
  /** The tables of those rests' denominators. */
  restTables: Set<string>;
  /** Some definition's denominator: protected in the first phase. */
  denominator: boolean;
  /** The definitions counting into it, for their minimum counts. */
  defs: Set<string>;
  /** The sets of age bands of its cells (a definition's own or the default), by their labels joined. */
  ageBands: Map<string, string[]>;
};

/** A family's model cells by local key (level|system|area|stratum|value), rests and links left out. */
function indexOf(part: SdcProblem, prefix: string): FamilyIndex {
  const index = new Map<string, { id: string; value: number }>();
  for (const c of part.cells) {
    if (!c.id.startsWith(prefix)) continue;
    // Five fields, four "|" after the prefix (counted, not split: ~10⁶ cells).
    let bars = 0;
    for (let k = c.id.indexOf("|", prefix.length); k >= 0 && bars < 5; k = c.id.indexOf("|", k + 1)) bars++;
    if (bars === 4) index.set(c.id.slice(prefix.length), { id: c.id, value: c.value });
  }
  return index;
}

/** The links of a year with table keys (family@year) in place of the data's columns. */
function linksOfTables(l: FamilyLinks, year: number): LinkedFamilies {
  const key = (column: string) => `${setFamily(column)}@${year}`;
  return {
    restrictions: l.restrictions.map((r) => ({ ...r, part: key(r.part), whole: key(r.whole) })),
    sums: l.sums.map((x) => ({ plus: x.plus.map(key), minus: x.minus.map(key) })),
  };
}

/**
 * `links`: per year, how the counts of persons are linked, read from the data
 * (family-links.ts). Without them, families are keyed by the definitions' syntax alone.
 */
export function buildModel(
  cells: readonly IndicatorCell[],
  defs: readonly Definition[],
  geography: ReleaseGeography,
  options: ModelOptions,
  links?: ReadonlyMap<number, FamilyLinks>,
  periods: readonly PeriodCell[] = [],
): DisclosureModel {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const counts: CellCounts[] = cells.map(() => ({}));
  // family|year → area|stratum|value → {value, publishable}
  const tables = new Map<string, ModelTable>();

  const tableKey = (family: string, year: number) => `${family}@${year}`;
  const table = (family: string, year: number, group: string) => {
    const key = tableKey(family, year);
    let t = tables.get(key);
    if (!t) tables.set(key, (t = { year, group, family, strata: new Set(), values: new Map(), rests: [], restTables: new Set(), denominator: false, defs: new Set(), ageBands: new Map() }));
    return t;
  };
  type Placed = Pick<IndicatorCell, "level" | "system_code" | "area_code" | "stratum" | "stratum_value">;
  const localKey = (cell: Placed) => `${cell.level}|${cell.system_code ?? ""}|${cell.area_code}|${cell.stratum}|${cell.stratum_value}`;
  // A table's cell is put once per definition counting it (dozens share a population): the
  // entry keeps its id, so the ids of ~10⁶ cells are not built (and collected) again each time.
  const put = (t: ReturnType<typeof table>, cell: Placed, value: number, publishable: boolean, local = localKey(cell)) => {
    const seen = t.values.get(local);
    if (seen) {
      if (seen.value !== value) throw new Error(`disclosure model: ${t.family} ${t.year} ${local} is ${seen.value} for one indicator and ${value} for another`);
      if (publishable) seen.figures++;
      return seen.id;
    }
    const id = `${t.family}@${t.year}|${local}`;
    t.values.set(local, { value, id, figures: publishable ? 1 : 0 });
    if (cell.stratum !== "total") t.strata.add(cell.stratum);
    return id;
  };

  // What each family counts, to link families that differ by one filter (see linkFamilies).
  const families = new Map<string, { population: Population; kind: string; group: string }>();
  // Families and groups per definition and year, not per cell: there are ~10⁶ cells. A count
  // of persons whose links were read from the data (family-links.ts) is keyed by its class of
  // equal columns: two definitions counting the same persons share one family, one cell.
  const keysOf = new Map<string, { family?: string; group: string; numFamily?: string }>();
  const familyKeys = (def: Definition, year: number) => {
    const cacheKey = `${def.id}@${year}`;
    let k = keysOf.get(cacheKey);
    if (!k) {
      const found = links?.get(year)?.classOf;
      const fromData = (column: string) => (found?.has(column) ? setFamily(found.get(column)!) : undefined);
      const jsonFamily = denominatorFamily(def);
      const family = jsonFamily && (fromData(`d:${def.id}`) ?? jsonFamily);
      const group = problemGroup(def);
      const numFamily = family && countedNumerator(def) ? (fromData(`n:${def.id}`) ?? numeratorFamily(def)) : undefined;
      // A family from the data is linked by its own equations, never by the syntax of filters.
      const register = (f: string, kind: string) => families.set(f, f.startsWith("set:") ? { population: {}, kind: f, group: f } : { population: def.population ?? {}, kind, group });
      if (family) register(family, def["zone-value"] ? family : "persons");
      if (numFamily) register(numFamily, `numerator:${JSON.stringify(def.numerator)}`);
      keysOf.set(cacheKey, (k = { family, group, numFamily }));
    }
    return k;
  };
  // A definition's age bands and their key, once per definition, not per cell.
  const bandsByDef = new Map<Definition, { key: string; labels: string[] }>();
  const bandsOf = (def: Definition) => {
    let b = bandsByDef.get(def);
    if (!b) {
      const labels = ageBandLabelsOf(def);
      bandsByDef.set(def, (b = { key: labels.join(","), labels }));
    }
    return b;
  };
  // Per definition and year, its keys and tables, without building a key per cell.
  type Tables = { family: string; group: string; numFamily?: string; denKey: string; denTable?: ModelTable; numTable?: ModelTable; rest: boolean };
  const tablesOf = new Map<string, Map<number, Tables | null>>();
  const tablesFor = (def: Definition, year: number): Tables | null => {
    let byYear = tablesOf.get(def.id);
    if (!byYear) tablesOf.set(def.id, (byYear = new Map()));
    let entry = byYear.get(year);
    if (entry === undefined) {
      const { family, group, numFamily } = familyKeys(def, year);
      byYear.set(year, (entry = family ? { family, group, numFamily, denKey: tableKey(family, year), rest: statisticOf(def.statistic).disclosure.rest } : null));
    }
    return entry;
  };
  // Cells in a canonical order: the engine returns them in any order, and the order of a
  // problem's cells steers ties in suppression, so the same data would otherwise give different
  // (equally safe) patterns and release ids from one run to the next.
  // The order of `indicator|year|local key`, sorted as indicator → year → local key (the same
  // order, without building ~10⁶ long keys): an id holds no "|", and years have four digits.
  const locals = cells.map(internedLocalKeys());
  const buckets = new Map<string, Map<number, number[]>>();
  cells.forEach((c, i) => {
    let byYear = buckets.get(c.indicator_id);
    if (!byYear) buckets.set(c.indicator_id, (byYear = new Map()));
    const bucket = byYear.get(c.year);
    if (bucket) bucket.push(i);
    else byYear.set(c.year, [i]);
  });
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Each distinct local key ranked once (areas × strata: thousands), then cells sorted by rank:
  // the same order as comparing their keys, without ~10⁷ comparisons of long strings.
  const rankOf = new Map([...new Set(locals)].sort(byText).map((local, rank) => [local, rank]));
  const ranks = Int32Array.from(locals, (local) => rankOf.get(local)!);
  const byLocal = (a: number, b: number) => ranks[a]! - ranks[b]!;
  const order = [...buckets.keys()].sort((a, b) => byText(`${a}|`, `${b}|`)).flatMap((id) => [...buckets.get(id)!].sort(([a], [b]) => a - b).flatMap(([, bucket]) => bucket.sort(byLocal)));
  // Hand-written queries last: their counts are matched against the families read from the data.
  const handWritten = (i: number) => byId.get(cells[i]!.indicator_id)?.sql !== undefined;
  const matchHandWritten = () => {
    for (const [key, { def, year, den, num }] of handWrittenCounts(cells, order.filter(handWritten), byId)) {
      const { family, group, numFamily } = familyKeys(def, year);
      keysOf.set(key, { group, family: family && (equalFamily(tables, year, den) ?? family), numFamily: numFamily && (equalFamily(tables, year, num) ?? numFamily) });
    }
  };
  for (const i of [...order.filter((i) => !handWritten(i)), -1, ...order.filter(handWritten)]) {
    if (i < 0) {
      matchHandWritten();
      continue;
    }
    const cell = cells[i]!;
    const def = byId.get(cell.indicator_id);
    if (!def) throw new Error(`cell of unknown indicator ${cell.indicator_id}`);
    const entry = tablesFor(def, cell.year);
    if (!entry || !Number.isFinite(cell.denominator)) continue;
    const { denKey, numFamily, group } = entry;
    const denTable = (entry.denTable ??= table(entry.family, cell.year, group));
    denTable.denominator = true;
    denTable.defs.add(def.id);
    const local = locals[i]!;
    const publishable = isPublished(cell, options);
    const den = put(denTable, cell, cell.denominator, publishable, local);
    counts[i]!.denominator = den;
    const bands = cell.stratum === "age-band" ? bandsOf(def) : undefined;
    if (bands) denTable.ageBands.set(bands.key, bands.labels);
    if (!numFamily) continue;
    const numTable = (entry.numTable ??= table(numFamily, cell.year, group));
    numTable.defs.add(def.id);
    if (bands) numTable.ageBands.set(bands.key, bands.labels);
    const num = put(numTable, cell, cell.numerator, publishable, local);
    counts[i]!.numerator = num;
    if (entry.rest) {
      numTable.rests.push({ den, num, def: def.id, value: cell.denominator - cell.numerator });
      numTable.restTables.add(denKey);
    }
  }
  // Sub-annual periods: cells of the yearly numerator's table (period-model.ts), added in a
  // canonical order too (the engine returns them in any order).
  const periodKey = periods.map((pc) => `${pc.indicator_id}|${pc.year}|${pc.level}|${pc.system_code ?? ""}|${pc.area_code}|${pc.period}`);
  const periodOrder = periods.map((_, i) => i).sort((a, b) => (periodKey[a]! < periodKey[b]! ? -1 : periodKey[a]! > periodKey[b]! ? 1 : 0));
  const periodCounts: (string | undefined)[] = periods.map(() => undefined);
  for (const i of periodOrder) {
    const pc = periods[i]!;
    const def = byId.get(pc.indicator_id);
    if (!def) throw new Error(`period cell of unknown indicator ${pc.indicator_id}`);
    const { group, numFamily } = familyKeys(def, pc.year);
    if (!numFamily) continue;
    const t = table(numFamily, pc.year, group);
    periodCounts[i] = put(t, periodModelCell(pc), pc.numerator, PERIOD_LEVELS.has(pc.level));
  }

  // Two phases: denominators are shared by many indicators, so they are protected first, all
  // linked populations of a year together; then each group of linked numerators with the
  // populations they touch, fixed as the first phase left them (published: known; hidden: latent).
  const atoms = options.municipalityStrata ? new Map<string, string>() : atomsOf(geography);
  const geo = indexGeography(geography);
  const geoRelations = geographyRelations(geo, options, atoms);
  // A table's cells and relations do not depend on the problem it is in, and a denominator's
  // tables come along in every numerator problem that divides by it: build each table once.
  const added = new Map<string, { part: SdcProblem; index: FamilyIndex }>();
  const build = (keys: string[]) => {
    const p: SdcProblem = { cells: [], relations: [] };
    const members = keys.map((k) => tables.get(k)!);
    const indexes = new Map<string, FamilyIndex>();
    for (const k of keys) {
      let built = added.get(k);
      if (!built) {
        const part = addTable({ cells: [], relations: [] }, tables.get(k)!, geo, options, atoms, geoRelations);
        added.set(k, (built = { part, index: indexOf(part, `${k}|`) }));
      }
      // Shared, not copied: nothing changes a model cell (phased-protection.ts makes new ones).
      for (const c of built.part.cells) p.cells.push(c);
      for (const r of built.part.relations) p.relations.push(r);
      indexes.set(k, built.index);
    }
    const cellIds = new Set(p.cells.map((c) => c.id));
    const local = new Map(keys.map((k) => [k, tables.get(k)!]));
    for (const t of members) linkFamilies(p, t, local, families, atoms, cellIds, atomized("total", options), geo.sectorGroup);
    const year = members[0]!.year;
    const found = links?.get(year);
    if (found) {
      const linked = familyRelations(linksOfTables(found, year), indexes, `link@${year}`);
      for (const c of linked.cells) p.cells.push(c);
      for (const r of linked.relations) p.relations.push(r);
    }
    return p;
  };
  const { phase1, phase2 } = groupTables(tables, (f) => families.get(f)!.kind, links);
  // A definition may ask for a higher minimum: its problem takes the highest of its members'.
  const minCountOf = (keys: string[]) => Math.max(0, ...keys.flatMap((k) => [...tables.get(k)!.defs].map((id) => byId.get(id)!["minimum-count"])));
  const denominators = phase1.map(({ key, keys }) => ({ key, problem: build(keys), minCount: minCountOf(keys) }));
  const numerators = phase2.map(({ key, keys, fixed }) => {
    const problem = build([...keys, ...fixed]);
    const denominatorCells = new Set(problem.cells.filter((c) => fixed.some((d) => c.id.startsWith(`${d}|`))).map((c) => c.id));
    return { key, problem, denominatorCells, minCount: minCountOf(keys) };
  });
  return { denominators, numerators, counts, periodCounts };
}
