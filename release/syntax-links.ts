/**
 * Links between families written from the definitions' syntax, for the families that are not
 * read from the data (zone figures, hand-written queries): a population that differs from
 * another by ONE filter (sex, BIM status, or an age range of whole bands) is a stratum, or a sum
 * of strata, of it. Families of persons read from the data are linked by family-relations.ts.
 */
import type { SdcProblem } from "../disclosure/index.ts";
import type { Definition } from "../indicators/definition/schema.ts";
import { MAX_AGE } from "../indicators/definition/vocabulary.ts";

type Population = NonNullable<Definition["population"]>;

type Table = { year: number; family: string; values: Map<string, { value: number }> };
const OPEN = Infinity;
const AGE_BANDS: [string, number, number][] = [
  ["0-17", 0, 17],
  ["18-44", 18, 44],
  ["45-64", 45, 64],
  ["65-74", 65, 74],
  ["75+", 75, OPEN],
];

/**
 * Families that differ by ONE filter are tied: the total of "population + BIM" is the BIM
 * cell of "population", likewise for sex, and an age range made of whole bands is the sum of
 * those band cells. (Two filters apart, the tie goes through an unpublished cross-tabulation.)
 */
export function linkFamilies(
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
    const areas = new Set(
      [...t.values.keys()].map((local) => {
        const [level, system, code] = local.split("|") as [string, string, string];
        return level === "sector" ? `sector|${system}|${sectorGroup.get(code) ?? code}` : `${level}|${system}|${code}`;
      }),
    );
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
