/**
 * Cells found by indicator, stratum, area and year through small integer ids rather than
 * joined strings. A national run looks up three to five other cells for each of its hundreds
 * of thousands of cells (benchmarks, the BIM groups, the years of a trend): building and
 * hashing a 60-character key for each lookup was most of `deriveCells`' time and garbage.
 * Ids are taken from nested maps over the cells' own strings, whose hashes V8 keeps.
 *
 * Pure: cells (by column) in, indices out. Two cells with the same key: the later one is
 * found, as with a Map.
 */

import type { Cell } from "./statistics.ts";
import { Vocabulary } from "./vocabulary.ts";

/** What a cell is found by. */
export type CellKeyFields = Pick<Cell, "indicator_id" | "year" | "level" | "system_code" | "area_code" | "stratum" | "stratum_value">;

/** The same fields by column, texts as codes of `texts` (a `CellTable`, or `keyColumns` of cell objects). */
export interface KeyColumns {
  readonly length: number;
  readonly texts: readonly (string | null)[];
  readonly indicator: ArrayLike<number>;
  readonly year: ArrayLike<number>;
  readonly level: ArrayLike<number>;
  readonly system: ArrayLike<number>;
  readonly area: ArrayLike<number>;
  readonly stratum: ArrayLike<number>;
  readonly stratumValue: ArrayLike<number>;
}

/** The key columns of cell objects. */
export function keyColumns(cells: readonly CellKeyFields[]): KeyColumns {
  const texts = new Vocabulary();
  return {
    length: cells.length,
    texts: texts.values,
    indicator: cells.map((c) => texts.code(c.indicator_id)),
    year: cells.map((c) => c.year),
    level: cells.map((c) => texts.code(c.level)),
    system: cells.map((c) => texts.code(c.system_code)),
    area: cells.map((c) => texts.code(c.area_code)),
    stratum: cells.map((c) => texts.code(c.stratum)),
    stratumValue: cells.map((c) => texts.code(c.stratum_value)),
  };
}

/** Ids of pairs of strings, given in order of first sight. */
class PairIds {
  private readonly ids = new Map<string, Map<string, number>>();
  size = 0;

  /** The pair's id; a new one when `add`, else -1 for a pair never seen. */
  id(a: string, b: string, add: boolean): number {
    let inner = this.ids.get(a);
    if (!inner) {
      if (!add) return -1;
      this.ids.set(a, (inner = new Map()));
    }
    let id = inner.get(b);
    if (id === undefined) {
      if (!add) return -1;
      inner.set(b, (id = this.size++));
    }
    return id;
  }
}

export class CellIndex {
  /** Per cell: its indicator's id (order of first sight), stratum's, area's, and (level, system)'s. */
  readonly indicator: Int32Array;
  readonly stratum: Int32Array;
  readonly area: Int32Array;
  readonly levelSystem: Int32Array;
  /** Per cell: the id of its series (indicator, stratum, area), whose cells differ by year only. */
  readonly series: Int32Array;
  readonly firstYear: number;
  /** Years from the first to the last, gaps included. */
  readonly yearSpan: number;
  readonly seriesCount: number;
  readonly indicatorIds: readonly string[];
  /** Per area id: level, system and area code. */
  readonly areas: readonly { level: string; system: string | null; code: string }[];

  private readonly indicators = new Map<string, number>();
  private readonly strata = new PairIds();
  private readonly levelSystems = new PairIds();
  /** Per (level, system) id: area code → area id. */
  private readonly areaCodes: Map<string, number>[] = [];
  private readonly seriesOf = new Map<number, number>();
  /** series × yearSpan + year offset → cell index + 1 (0: no cell). */
  private readonly at: Int32Array;

  /**
   * Over the cells `rows` lists of `keys` (every cell when absent), in that order: the index's
   * positions are positions in `rows`.
   */
  constructor(keys: KeyColumns, rows?: ArrayLike<number>) {
    const n = rows ? rows.length : keys.length;
    const texts = keys.texts;
    const row = (p: number) => (rows ? rows[p]! : p);
    this.indicator = new Int32Array(n);
    this.stratum = new Int32Array(n);
    this.area = new Int32Array(n);
    this.levelSystem = new Int32Array(n);
    this.series = new Int32Array(n);
    const year = new Int32Array(n);
    const indicatorIds: string[] = [];
    const areas: { level: string; system: string | null; code: string }[] = [];
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < n; i++) {
      const r = row(i);
      const id = texts[keys.indicator[r]!]!;
      let ind = this.indicators.get(id);
      if (ind === undefined) {
        this.indicators.set(id, (ind = indicatorIds.length));
        indicatorIds.push(id);
      }
      this.indicator[i] = ind;
      this.stratum[i] = this.strata.id(texts[keys.stratum[r]!]!, texts[keys.stratumValue[r]!]!, true);
      const level = texts[keys.level[r]!]!;
      const system = texts[keys.system[r]!]!;
      const ls = this.levelSystems.id(level, system ?? "", true);
      this.levelSystem[i] = ls;
      const codes = (this.areaCodes[ls] ??= new Map());
      const code = texts[keys.area[r]!]!;
      let area = codes.get(code);
      if (area === undefined) {
        codes.set(code, (area = areas.length));
        areas.push({ level, system, code });
      }
      this.area[i] = area;
      const y = (year[i] = keys.year[r]!);
      if (y < first) first = y;
      if (y > last) last = y;
    }
    this.indicatorIds = indicatorIds;
    this.areas = areas;
    this.firstYear = n === 0 ? 0 : first;
    this.yearSpan = n === 0 ? 0 : last - first + 1;
    for (let i = 0; i < n; i++) {
      const key = this.seriesKey(this.indicator[i]!, this.stratum[i]!, this.area[i]!);
      let s = this.seriesOf.get(key);
      if (s === undefined) this.seriesOf.set(key, (s = this.seriesOf.size));
      this.series[i] = s;
    }
    this.seriesCount = this.seriesOf.size;
    this.at = new Int32Array(this.seriesCount * this.yearSpan);
    for (let i = 0; i < n; i++) this.at[this.series[i]! * this.yearSpan + year[i]! - this.firstYear] = i + 1;
  }

  get strataCount(): number {
    return this.strata.size;
  }

  get levelSystemCount(): number {
    return this.levelSystems.size;
  }

  private seriesKey(indicator: number, stratum: number, area: number): number {
    return (indicator * this.strata.size + stratum) * this.areas.length + area;
  }

  /** The id of an area, or -1 when no cell is of it. */
  areaId(level: string, system: string | null, code: string): number {
    const ls = this.levelSystems.id(level, system ?? "", false);
    return ls < 0 ? -1 : (this.areaCodes[ls]!.get(code) ?? -1);
  }

  /** The id of a stratum and value, or -1 when no cell is of it. */
  stratumId(stratum: string, value: string): number {
    return this.strata.id(stratum, value, false);
  }

  /** The index of the cell of that series and year, or -1. */
  inSeries(series: number, year: number): number {
    const y = year - this.firstYear;
    if (series < 0 || y < 0 || y >= this.yearSpan) return -1;
    return this.at[series * this.yearSpan + y]! - 1;
  }

  /** The index of the cell of that indicator, stratum, area and year (ids), or -1. */
  find(indicator: number, stratum: number, area: number, year: number): number {
    if (stratum < 0 || area < 0) return -1;
    return this.inSeries(this.seriesOf.get(this.seriesKey(indicator, stratum, area)) ?? -1, year);
  }
}
