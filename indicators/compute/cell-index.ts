/**
 * Cells found by indicator, stratum, area and year through small integer ids rather than
 * joined strings. A national run looks up three to five other cells for each of its hundreds
 * of thousands of cells (benchmarks, the BIM groups, the years of a trend): building and
 * hashing a 60-character key for each lookup was most of `deriveCells`' time and garbage.
 * Ids are taken from the cells' text codes (a pair of codes is one small integer to hash).
 *
 * Pure: cells (by column) in, indices out. Two cells with the same key: the later one is
 * found, as with a Map.
 */

import type { Cell } from "./statistics.ts";
import { Vocabulary } from "./vocabulary.ts";

/** What a cell is found by. */
export type CellKeyFields = Pick<Cell, "indicator_id" | "year" | "level" | "system_code" | "area_code" | "stratum" | "stratum_value">;

/**
 * The same fields by column, texts as codes of `texts` (a `CellTable`, or `keyColumns` of cell
 * objects). `texts` holds each text once (a vocabulary): the index compares codes, not texts.
 */
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

/**
 * Dense ids of pairs of codes, in order of first sight. A pair of codes below `width` is one
 * number, so a lookup hashes a small integer rather than two strings.
 */
class PairIds {
  private readonly ids = new Map<number, number>();

  constructor(private readonly width: number) {}

  get size(): number {
    return this.ids.size;
  }

  /** The pair's id; a new one when `add`, else -1 for a pair never seen. */
  id(a: number, b: number, add: boolean): number {
    const key = a * this.width + b;
    let id = this.ids.get(key);
    if (id === undefined) {
      if (!add) return -1;
      this.ids.set(key, (id = this.ids.size));
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

  private readonly texts: readonly (string | null)[];
  /** Text → code of `texts`, made on the first lookup by text. */
  private codeOf: Map<string | null, number> | undefined;
  private readonly strata: PairIds;
  private readonly levelSystems: PairIds;
  /** (level-system id, area code) → area id. */
  private readonly areaIds: PairIds;
  /**
   * seriesKey → series id + 1 (0: none). Dense (a national run's keys, indicators × strata ×
   * areas, are a few million at most): 120,000 lookups in a Map were half of building the index.
   */
  private readonly seriesOf: Int32Array;
  /** series × yearSpan + year offset → cell index + 1 (0: no cell). */
  private readonly at: Int32Array;

  /**
   * Over the cells `rows` lists of `keys` (every cell when absent), in that order: the index's
   * positions are positions in `rows`. Keys are compared by code: `keys.texts` holds each text
   * once (a vocabulary), so equal codes are equal texts.
   */
  constructor(keys: KeyColumns, rows?: ArrayLike<number>) {
    const n = rows ? rows.length : keys.length;
    const texts = (this.texts = keys.texts);
    const width = texts.length;
    this.strata = new PairIds(width);
    this.levelSystems = new PairIds(width);
    this.areaIds = new PairIds(width);
    this.indicator = new Int32Array(n);
    this.stratum = new Int32Array(n);
    this.area = new Int32Array(n);
    this.levelSystem = new Int32Array(n);
    this.series = new Int32Array(n);
    const year = new Int32Array(n);
    // Indicator code → id + 1 (0: not seen yet).
    const indicatorOf = new Int32Array(width);
    const indicatorIds: string[] = [];
    const areas: { level: string; system: string | null; code: string }[] = [];
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < n; i++) {
      const r = rows ? rows[i]! : i;
      const code = keys.indicator[r]!;
      if (indicatorOf[code] === 0) indicatorOf[code] = indicatorIds.push(texts[code]!);
      this.indicator[i] = indicatorOf[code]! - 1;
      this.stratum[i] = this.strata.id(keys.stratum[r]!, keys.stratumValue[r]!, true);
      const ls = (this.levelSystem[i] = this.levelSystems.id(keys.level[r]!, keys.system[r]!, true));
      const before = this.areaIds.size;
      const area = (this.area[i] = this.areaIds.id(ls, keys.area[r]!, true));
      if (area === before) areas.push({ level: texts[keys.level[r]!]!, system: texts[keys.system[r]!]!, code: texts[keys.area[r]!]! });
      const y = (year[i] = keys.year[r]!);
      if (y < first) first = y;
      if (y > last) last = y;
    }
    this.indicatorIds = indicatorIds;
    this.areas = areas;
    this.firstYear = n === 0 ? 0 : first;
    this.yearSpan = n === 0 ? 0 : last - first + 1;
    const seriesKeys = indicatorIds.length * this.strata.size * areas.length;
    if (seriesKeys > 2 ** 28) throw new RangeError(`too many series to index: ${indicatorIds.length} indicators × ${this.strata.size} strata × ${areas.length} areas`);
    this.seriesOf = new Int32Array(seriesKeys);
    let seriesCount = 0;
    for (let i = 0; i < n; i++) {
      const key = this.seriesKey(this.indicator[i]!, this.stratum[i]!, this.area[i]!);
      if (this.seriesOf[key] === 0) this.seriesOf[key] = ++seriesCount;
      this.series[i] = this.seriesOf[key]! - 1;
    }
    this.seriesCount = seriesCount;
    this.at = new Int32Array(this.seriesCount * this.yearSpan);
    for (let i = 0; i < n; i++) this.at[this.series[i]! * this.yearSpan + year[i]! - this.firstYear] = i + 1;
  }

  /** The code of a text, or -1 when no key holds it. */
  private code(text: string | null): number {
    this.codeOf ??= new Map(this.texts.map((t, c) => [t, c]));
    return this.codeOf.get(text) ?? -1;
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
    const [l, s, a] = [this.code(level), this.code(system), this.code(code)];
    if (l < 0 || s < 0 || a < 0) return -1;
    const ls = this.levelSystems.id(l, s, false);
    return ls < 0 ? -1 : this.areaIds.id(ls, a, false);
  }

  /** The id of a stratum and value, or -1 when no cell is of it. */
  stratumId(stratum: string, value: string): number {
    const [s, v] = [this.code(stratum), this.code(value)];
    return s < 0 || v < 0 ? -1 : this.strata.id(s, v, false);
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
    return this.inSeries(this.seriesOf[this.seriesKey(indicator, stratum, area)]! - 1, year);
  }
}
