/**
 * One count table of the disclosure model (sdc-model.ts) as cells and relations: its cells by
 * area and stratum value, municipalities summed into atoms and sectors into groups where no
 * released cell tells them apart, the geography's relations within every stratum value, the
 * strata's relations within every area, and the proportions' rests (den = num + rest).
 */
import type { SdcCell, SdcProblem } from "../disclosure/index.ts";
import type { GeoIndex } from "./geo-index.ts";
import type { ReleaseGeography } from "./geography.ts";
import type { ModelOptions } from "./sdc-model.ts";
import { ageBandRelations } from "./age-band-relations.ts";
import type { Level } from "./format.ts";
import { isPeriodStratum, periodStratumValues } from "./period-model.ts";

// Age bands are not listed here: each table takes its definitions' bands (ageBands, age-band-relations.ts).
const STRATA: Record<string, string[]> = { sex: ["F", "M"], bim: ["bim", "non-bim", "unknown"] };
/** Levels whose counts are the release's headline figures, spared by complementary suppression where it can. */
const HEADLINE_LEVELS: ReadonlySet<string> = new Set<Level>(["belgium", "region"]);

/** Whether municipal cells of this stratum are unpublished, hence modelled by atom. */
export function atomized(stratum: string, options: ModelOptions): boolean {
  if (options.municipalityStrata) return false;
  return !options.municipalities || stratum !== "total";
}

/**
 * Atoms: when municipal breakdowns are not published, the municipalities that lie in the same
 * province and in the same zone of every system are indistinguishable to an attacker, so their
 * unpublished breakdown cells are modelled summed, one latent cell per atom and stratum value.
 * This is exact (any split of an atom's figures among its municipalities within their
 * published totals is feasible) and makes the model several times smaller.
 * Municipalities split between zones by sector keep their own cells.
 */
export function atomsOf(geo: ReleaseGeography): Map<string, string> {
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

/**
 * The local key of the unknown a cell is modelled by: a sector's group of sectors, a
 * municipality's atom when its breakdown is modelled by atom, else the cell itself.
 */
export function modelledAs(local: string, geo: GeoIndex, options: ModelOptions, atoms: ReadonlyMap<string, string>): string {
  const sector = local.startsWith("sector|");
  if (!sector && !local.startsWith("municipality|")) return local;
  const [, , area, stratum, value] = local.split("|") as [string, string, string, string, string];
  if (sector) return `sector||${geo.sectorGroup.get(area) ?? area}|${stratum}|${value}`;
  const atom = atoms.get(area);
  return atom !== undefined && atomized(stratum, options) ? `atom||${atom}|${stratum}|${value}` : local;
}

/** A relation of the geography (total = Σ parts) by local keys (level|system|area|stratum|value). */
type GeoRelation = { total: string; parts: string[] };
export type GeoRelations = (stratum: string, value: string) => { areas: GeoRelation[]; zones: GeoRelation[] };

/**
 * The geography's relations for each stratum value, the same for every table: built once,
 * then looked up by each table's cells. Within each stratum value: Belgium = Σ regions;
 * region = Σ provinces + its municipalities outside provinces; province = Σ municipalities;
 * zone = Σ members, a municipality standing for its atom when its breakdowns are modelled by
 * atom. Sector groups of split municipalities are per table (addTable).
 */
export function geographyRelations(geo: GeoIndex, options: ModelOptions, atoms: ReadonlyMap<string, string>): GeoRelations {
  const cache = new Map<string, ReturnType<GeoRelations>>();
  return (stratum, value) => {
    const key = `${stratum}|${value}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const c = (level: string, system: string | null, area: string) => `${level}|${system ?? ""}|${area}|${stratum}|${value}`;
    const unit = (nis: string) => (atomized(stratum, options) && atoms.has(nis) ? c("atom", null, atoms.get(nis)!) : c("municipality", null, nis));
    const relation = (total: string, parts: string[]): GeoRelation => ({ total, parts: [...new Set(parts)] });
    const built = {
      areas: [
        relation(
          c("belgium", null, "BE"),
          geo.regions.map((r) => c("region", null, r)),
        ),
        ...geo.regions.map((r) => relation(c("region", null, r), [...(geo.provincesOf.get(r) ?? []).map((a) => c("province", null, a)), ...(geo.looseOf.get(r) ?? []).map(unit)])),
        ...geo.provinces.map((pr) => relation(c("province", null, pr), (geo.municipalitiesOf.get(pr) ?? []).map(unit))),
      ],
      zones: geo.zones.map(({ system, zone, members }) =>
        relation(
          c("zone", system, zone),
          members.map((m) => (m.sector ? c("sector", null, m.sector) : unit(m.nis))),
        ),
      ),
    };
    cache.set(key, built);
    return built;
  };
}

/** One count of a table: its model cell, and how many published figures show it (none: latent). */
export interface TableValue {
  value: number;
  id: string;
  figures: number;
}

export function addTable(
  p: SdcProblem,
  t: {
    year: number;
    family: string;
    strata: Set<string>;
    /** `figures`: the published figures that have this count as numerator or denominator. */
    values: Map<string, TableValue>;
    rests: { den: string; num: string; def: string; value: number }[];
    ageBands: Map<string, string[]>;
  },
  geo: GeoIndex,
  options: ModelOptions,
  atoms: ReadonlyMap<string, string>,
  geoRelations: GeoRelations,
): SdcProblem {
  const prefix = `${t.family}@${t.year}|`;
  const id = (level: string, system: string | null, area: string, stratum: string, value: string) => `${prefix}${level}|${system ?? ""}|${area}|${stratum}|${value}`;
  const known = new Set<string>();
  const valueOf = new Map<string, number>();
  // Every cell of the table by its local key (level|system|area|stratum|value), for the
  // geography's relations (geoRelations): looked up, not built again for every table.
  const idOf = new Map<string, string>();
  const atomSums = new Map<string, number>();
  // Sectors are modelled by group (geo-index.ts): one unknown per municipality and set of zones.
  const sectorSums = new Map<string, number>();
  // The unknown each cell is modelled by (its sector group, its atom, or itself), by local key.
  const modelled = new Map<string, string>();
  for (const [local, v] of t.values) {
    const as = modelledAs(local, geo, options, atoms);
    if (as !== local) {
      modelled.set(local, as);
      const sums = as.startsWith("sector|") ? sectorSums : atomSums;
      sums.set(as, (sums.get(as) ?? 0) + v.value);
      continue;
    }
    // A count behind several published figures costs them all when hidden (SdcCell.weight);
    // Belgium's and the regions' are the headline figures (SdcCell.prominent).
    p.cells.push({
      id: v.id,
      value: v.value,
      publishable: v.figures > 0,
      ...(v.figures > 1 ? { weight: v.figures } : {}),
      ...(v.figures > 0 && HEADLINE_LEVELS.has(local.slice(0, local.indexOf("|"))) ? { prominent: true } : {}),
    });
    known.add(v.id);
    valueOf.set(v.id, v.value);
    idOf.set(local, v.id);
  }
  for (const sums of [atomSums, sectorSums]) {
    for (const [local, value] of sums) {
      const cellId = prefix + local;
      p.cells.push({ id: cellId, value, publishable: false });
      known.add(cellId);
      valueOf.set(cellId, value);
      idOf.set(local, cellId);
    }
  }
  const has = (cellId: string) => known.has(cellId);
  // A missing cell is an empty one (0 persons), published as such: it drops out of a sum.
  const geoRelation = ({ total, parts }: GeoRelation) => {
    const totalId = idOf.get(total);
    if (totalId === undefined) return;
    const present: string[] = [];
    for (const part of parts) {
      const partId = idOf.get(part);
      if (partId !== undefined) present.push(partId);
    }
    if (present.length > 0) p.relations.push({ total: totalId, parts: present });
  };
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
  const ageBands = [...t.ageBands.values()];
  const valuesOf = (s: string) => (s === "age-band" ? [...new Set(ageBands.flat())] : isPeriodStratum(s) ? periodStratumValues(s) : (STRATA[s] ?? []));
  const strataValues: [string, string][] = [["total", "all"], ...[...t.strata].flatMap((s) => valuesOf(s).map((v) => [s, v] as [string, string]))];

  for (const [stratum, value] of strataValues) {
    const c = (level: string, system: string | null, area: string) => id(level, system, area, stratum, value);
    const geography = geoRelations(stratum, value);
    for (const r of geography.areas) geoRelation(r);
    // A municipality with sectors: Σ sectors + the rest of its persons (latent).
    for (const [nis, sectors] of sectorsOf) {
      const total = c("municipality", null, nis);
      if (!has(total)) continue;
      const parts = sectors.map((s) => c("sector", null, s)).filter(has);
      const rest = t.values.get(total.slice(prefix.length))!.value - parts.reduce((s, x) => s + sectorSums.get(x.slice(prefix.length))!, 0);
      if (rest < 0) throw new Error(`disclosure model: the sectors of ${nis} hold more than the municipality (${t.family} ${t.year})`);
      // Known, not latent: the zone systems cover every sector, and whether some residents
      // lack a sector is no secret. A free unknown here under-protected the sub-zones: an
      // outside attacker who took the sub-zones as a partition recovered den − num of 1 to 4.
      const restId = `${total}|unsectored`;
      latent.push({ id: restId, value: rest, publishable: false, known: true });
      p.relations.push({ total, parts: [...parts, restId] });
    }
    for (const r of geography.zones) geoRelation(r);
  }
  // Strata: for every area (and atom), the total is the sum of each breakdown. An atom's
  // total is the sum of its municipalities' published totals, a latent cell of its own.
  // level|system|area of every cell (idOf holds them in the order they were added).
  const areas = new Set<string>();
  for (const local of idOf.keys()) areas.add(local.slice(0, local.indexOf("|", local.indexOf("|", local.indexOf("|") + 1) + 1)));
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
    for (const s of t.strata) {
      if (isPeriodStratum(s) && options.periodsApart) continue;
      if (s !== "age-band") {
        relation(
          `${prefix}${area}|total|all`,
          valuesOf(s).map((v) => `${prefix}${area}|${s}|${v}`),
        );
        continue;
      }
      // Age bands: Σ bands = total for each set of bands, and the identities between sets.
      const at = (label: string) => {
        const cellId = `${prefix}${area}|age-band|${label}`;
        return has(cellId) ? { id: cellId, value: valueOf.get(cellId)! } : undefined;
      };
      const total = `${prefix}${area}|total|all`;
      const tied = ageBandRelations(ageBands, at, has(total) ? total : undefined, `${prefix}${area}`);
      for (const c of tied.cells) p.cells.push(c);
      for (const r of tied.relations) p.relations.push(r);
    }
  }
  // Every rest, even 0: the relation tells the attacker numerator ≤ denominator. Rests of
  // municipalities modelled by atom are summed into the atom's rest.
  // Sectors by group, likewise (see above).
  // A rest's numerator is a cell of this table and its denominator the cell with the same local
  // key in the denominator's table: both modelled by the same unknown's key.
  const rests = new Map<string, { den: string; num: string; value: number }>();
  for (const r of t.rests) {
    const local = r.num.slice(prefix.length);
    const as = modelled.get(local);
    const den = as === undefined ? r.den : r.den.slice(0, r.den.length - local.length) + as;
    const num = as === undefined ? r.num : prefix + as;
    const rest = `${num}|rest:${r.def}`;
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
