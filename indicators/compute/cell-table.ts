/**
 * The engine's cells stored by column, in typed arrays: numbers, and texts as codes. A run of
 * three indicators at scale 0.05 makes 121,608 cells; as objects of 30 fields they were 41 MB of young-generation heap (every double a box of its own) that the garbage
 * collector copied twice, a third of the engine's time beyond its query. Typed arrays live
 * outside that heap and are never copied.
 *
 * Cells become `IndicatorCell` objects only where a reader needs objects (`toCells`, `cell`);
 * `rows` hands them to a writer through one reused object.
 */
import type { Statistic, Unit } from "../definition/schema.ts";
import type { Comparison, TrendAssessment } from "../stats/index.ts";
import type { KeyColumns } from "./cell-index.ts";
import { Vocabulary } from "./vocabulary.ts";
import type { IndicatorCell } from "./derive.ts";
import type { Cell, CellWithStatistics } from "./statistics.ts";

type Bands = { counts: number[]; personYears: number[] };
type Estimate = { value: number; lower: number; upper: number };

/** `into` with the first `n` values of `a`, or the values at `rows`. */
function gather<A extends Int32Array | Int8Array | Uint8Array | Float64Array>(a: A, into: A, rows: Int32Array | null, n: number): A {
  if (rows === null) into.set(a.subarray(0, n));
  else for (let k = 0; k < n; k++) into[k] = a[rows[k]!]!;
  return into;
}

/**
 * A cell with every field of an `IndicatorCell`, the derived ones empty until set.
 * A class rather than an object literal: V8 builds a 30-field literal through a runtime call
 * (about 1 µs a cell), where a constructor allocates inline, its fields in the object; spreading
 * the fields instead made dictionary-mode objects, and every later access 10× slower.
 */
class FullCell implements IndicatorCell {
  indicator_id = "";
  year = 0;
  level = "";
  system_code: string | null = null;
  area_code = "";
  stratum = "";
  stratum_value = "";
  numerator = 0;
  denominator = 0;
  sum_squares: number | null = null;
  statistic = "" as Statistic;
  unit = "" as Unit;
  value = 0;
  lower95 = 0;
  upper95 = 0;
  lower998 = 0;
  upper998 = 0;
  low_count: boolean | null = null;
  region_code: string | null = null;
  compared_region: Comparison | null = null;
  compared_belgium: Comparison | null = null;
  quintile: number | null = null;
  trend: TrendAssessment | null = null;
  trend_slope: number | null = null;
  bim_ratio: number | null = null;
  bim_ratio_lower95: number | null = null;
  bim_ratio_upper95: number | null = null;
  bim_difference: number | null = null;
  bim_difference_lower95: number | null = null;
  bim_difference_upper95: number | null = null;
  declare bands?: Bands;
  declare expected?: number;
}

export class CellTable implements KeyColumns {
  length = 0;
  private capacity: number;

  /** The texts of the key columns' codes (`text`). */
  private readonly vocabulary = new Vocabulary();
  /** Codes of texts (`text(code)`): a Map lookup per text costs less than an array of strings that size. */
  indicator: Int32Array;
  year: Int32Array;
  level: Int32Array;
  system: Int32Array;
  area: Int32Array;
  stratum: Int32Array;
  stratumValue: Int32Array;
  statistic: Int32Array;
  unit: Int32Array;
  numerator: Float64Array;
  denominator: Float64Array;
  /** Σx² of a mean per person; `hasSquares` 0 where the cell has none (null). */
  sum_squares: Float64Array;
  hasSquares: Uint8Array;
  value: Float64Array;
  lower95: Float64Array;
  upper95: Float64Array;
  lower998: Float64Array;
  upper998: Float64Array;
  /** -1 null, 0 false, 1 true. */
  lowCount: Int8Array;
  /** Codes (0: null) of the derived texts, set by `setRegion`, `setComparisons` and `setTrend`. */
  regionCode: Uint8Array;
  comparedRegion: Uint8Array;
  comparedBelgium: Uint8Array;
  trendCode: Uint8Array;
  /** 0: none. */
  quintile: Int8Array;
  /** `hasSlope` 0 where the slope is null (no trend, or one that cannot be calculated). */
  trend_slope: Float64Array;
  hasSlope: Uint8Array;
  /** 1 where the equity gap (the six `bim_` columns) is set; null otherwise. */
  hasGap: Uint8Array;
  bim_ratio: Float64Array;
  bim_ratio_lower95: Float64Array;
  bim_ratio_upper95: Float64Array;
  bim_difference: Float64Array;
  bim_difference_lower95: Float64Array;
  bim_difference_upper95: Float64Array;
  /** DSR cells' counts and person-years by band; ISR cells' expected counts (few cells). */
  readonly bands = new Map<number, Bands>();
  readonly expected = new Map<number, number>();
  private readonly regions = new Vocabulary<string>(255);
  private readonly grades = new Vocabulary<Comparison>(255);
  private readonly trends = new Vocabulary<TrendAssessment>(255);

  constructor(capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    // Growing copies every column: `reserve` what is about to be added.
    this.indicator = new Int32Array(this.capacity);
    this.level = new Int32Array(this.capacity);
    this.system = new Int32Array(this.capacity);
    this.area = new Int32Array(this.capacity);
    this.stratum = new Int32Array(this.capacity);
    this.stratumValue = new Int32Array(this.capacity);
    this.statistic = new Int32Array(this.capacity);
    this.unit = new Int32Array(this.capacity);
    this.year = new Int32Array(this.capacity);
    this.hasSquares = new Uint8Array(this.capacity);
    this.lowCount = new Int8Array(this.capacity);
    this.regionCode = new Uint8Array(this.capacity);
    this.comparedRegion = new Uint8Array(this.capacity);
    this.comparedBelgium = new Uint8Array(this.capacity);
    this.trendCode = new Uint8Array(this.capacity);
    this.quintile = new Int8Array(this.capacity);
    this.hasGap = new Uint8Array(this.capacity);
    this.hasSlope = new Uint8Array(this.capacity);
    this.numerator = new Float64Array(this.capacity);
    this.denominator = new Float64Array(this.capacity);
    this.sum_squares = new Float64Array(this.capacity);
    this.value = new Float64Array(this.capacity);
    this.lower95 = new Float64Array(this.capacity);
    this.upper95 = new Float64Array(this.capacity);
    this.lower998 = new Float64Array(this.capacity);
    this.upper998 = new Float64Array(this.capacity);
    this.trend_slope = new Float64Array(this.capacity);
    this.bim_ratio = new Float64Array(this.capacity);
    this.bim_ratio_lower95 = new Float64Array(this.capacity);
    this.bim_ratio_upper95 = new Float64Array(this.capacity);
    this.bim_difference = new Float64Array(this.capacity);
    this.bim_difference_lower95 = new Float64Array(this.capacity);
    this.bim_difference_upper95 = new Float64Array(this.capacity);
  }

  /** Every cell given, in order, derived fields empty (bands and expected counts kept). */
  static from(cells: readonly CellWithStatistics[]): CellTable {
    const table = new CellTable(cells.length);
    for (const c of cells) table.addCell(c);
    return table;
  }

  /** Room for `count` more cells, so that adding them copies no column. */
  reserve(count: number): void {
    const needed = this.length + count;
    // At least twice the capacity: batch after batch, every column is copied O(log n) times.
    if (needed > this.capacity) this.rebuild(Math.max(needed, this.capacity * 2), null);
  }

  /**
   * Columns of `capacity` holding the first `length` cells, or the cells `rows` lists in that
   * order: new ones, or the same (`inPlace`, with rows[k] ≥ k). Every column by its name, not
   * through a loop over names: a property read by a name held in a variable is V8's generic
   * lookup, once per value.
   */
  private rebuild(capacity: number, rows: Int32Array | null, inPlace = false): void {
    const n = rows ? rows.length : this.length;
    // In place: the columns themselves; else new ones of `capacity`.
    const to = <A extends Int32Array | Int8Array | Uint8Array | Float64Array>(a: A, make: new (n: number) => A): A => (inPlace ? a : new make(capacity));
    const integers = (a: Int32Array) => gather(a, to(a, Int32Array), rows, n);
    const bytes = (a: Uint8Array) => gather(a, to(a, Uint8Array), rows, n);
    const signedBytes = (a: Int8Array) => gather(a, to(a, Int8Array), rows, n);
    this.indicator = integers(this.indicator);
    this.level = integers(this.level);
    this.system = integers(this.system);
    this.area = integers(this.area);
    this.stratum = integers(this.stratum);
    this.stratumValue = integers(this.stratumValue);
    this.statistic = integers(this.statistic);
    this.unit = integers(this.unit);
    this.year = integers(this.year);
    this.hasSquares = bytes(this.hasSquares);
    this.lowCount = signedBytes(this.lowCount);
    this.regionCode = bytes(this.regionCode);
    this.comparedRegion = bytes(this.comparedRegion);
    this.comparedBelgium = bytes(this.comparedBelgium);
    this.trendCode = bytes(this.trendCode);
    this.quintile = signedBytes(this.quintile);
    this.hasGap = bytes(this.hasGap);
    this.hasSlope = bytes(this.hasSlope);
    const numbers = (a: Float64Array) => gather(a, to(a, Float64Array), rows, n);
    this.numerator = numbers(this.numerator);
    this.denominator = numbers(this.denominator);
    this.sum_squares = numbers(this.sum_squares);
    this.value = numbers(this.value);
    this.lower95 = numbers(this.lower95);
    this.upper95 = numbers(this.upper95);
    this.lower998 = numbers(this.lower998);
    this.upper998 = numbers(this.upper998);
    this.trend_slope = numbers(this.trend_slope);
    this.bim_ratio = numbers(this.bim_ratio);
    this.bim_ratio_lower95 = numbers(this.bim_ratio_lower95);
    this.bim_ratio_upper95 = numbers(this.bim_ratio_upper95);
    this.bim_difference = numbers(this.bim_difference);
    this.bim_difference_lower95 = numbers(this.bim_difference_lower95);
    this.bim_difference_upper95 = numbers(this.bim_difference_upper95);
    this.capacity = capacity;
    this.length = n;
  }

  /** A cell from its key and counts (`c`, read, not kept) and its statistics; its index. */
  add(c: Cell, statistic: Statistic, unit: Unit, value: number, lower95: number, upper95: number, lower998: number, upper998: number, lowCount: boolean | null): number {
    if (this.length === this.capacity) this.rebuild(this.capacity * 2, null);
    const i = this.length++;
    this.indicator[i] = this.code(c.indicator_id);
    this.year[i] = c.year;
    this.level[i] = this.code(c.level);
    this.system[i] = this.code(c.system_code);
    this.area[i] = this.code(c.area_code);
    this.stratum[i] = this.code(c.stratum);
    this.stratumValue[i] = this.code(c.stratum_value);
    this.statistic[i] = this.code(statistic);
    this.unit[i] = this.code(unit);
    this.numerator[i] = c.numerator;
    this.denominator[i] = c.denominator;
    const squares = c.sum_squares ?? null;
    this.hasSquares[i] = squares === null ? 0 : 1;
    this.sum_squares[i] = squares ?? 0;
    this.value[i] = value;
    this.lower95[i] = lower95;
    this.upper95[i] = upper95;
    this.lower998[i] = lower998;
    this.upper998[i] = upper998;
    this.lowCount[i] = lowCount === null ? -1 : lowCount ? 1 : 0;
    return i;
  }

  /** A cell object's key, counts and statistics (its bands and expected count kept). */
  addCell(c: CellWithStatistics): number {
    const i = this.add(c, c.statistic, c.unit, c.value, c.lower95, c.upper95, c.lower998, c.upper998, c.low_count);
    if (c.bands) this.bands.set(i, c.bands);
    if (c.expected !== undefined) this.expected.set(i, c.expected);
    return i;
  }

  /** The code of a text (0 for null), given on first sight. */
  code(text: string | null): number {
    return this.vocabulary.code(text);
  }

  /** Every code's text, by code (for `KeyColumns`). */
  get texts(): readonly (string | null)[] {
    return this.vocabulary.values;
  }

  /** The text of a code. */
  text(code: number): string | null {
    return this.vocabulary.value(code);
  }

  setRegion(i: number, region: string | null): void {
    this.regionCode[i] = this.regions.code(region);
  }

  setComparisons(i: number, region: Comparison | null, belgium: Comparison | null): void {
    this.comparedRegion[i] = this.grades.code(region);
    this.comparedBelgium[i] = this.grades.code(belgium);
  }

  setTrend(i: number, trend: TrendAssessment, slope: number | null): void {
    this.trendCode[i] = this.trends.code(trend);
    this.hasSlope[i] = slope === null ? 0 : 1;
    this.trend_slope[i] = slope ?? 0;
  }

  setGap(i: number, ratio: Estimate, difference: Estimate): void {
    this.hasGap[i] = 1;
    this.bim_ratio[i] = ratio.value;
    this.bim_ratio_lower95[i] = ratio.lower;
    this.bim_ratio_upper95[i] = ratio.upper;
    this.bim_difference[i] = difference.value;
    this.bim_difference_lower95[i] = difference.lower;
    this.bim_difference_upper95[i] = difference.upper;
  }

  /** Keeps the cells `keep` says yes to, in order, in the same columns (no memory asked). */
  filter(keep: (i: number) => boolean): void {
    const rows = new Int32Array(this.length);
    let n = 0;
    for (let i = 0; i < this.length; i++) if (keep(i)) rows[n++] = i;
    if (n === this.length) return;
    const bands = new Map(this.bands);
    const expected = new Map(this.expected);
    this.bands.clear();
    this.expected.clear();
    for (let k = 0; k < n; k++) {
      const b = bands.get(rows[k]!);
      if (b) this.bands.set(k, b);
      const e = expected.get(rows[k]!);
      if (e !== undefined) this.expected.set(k, e);
    }
    // rows[k] ≥ k: each value moves down over one already moved or kept.
    const before = this.length;
    this.rebuild(this.capacity, rows.subarray(0, n), true);
    // What `add` does not write is left empty for the cells added next.
    for (const a of [this.regionCode, this.comparedRegion, this.comparedBelgium, this.trendCode, this.quintile, this.hasGap, this.hasSlope]) a.fill(0, n, before);
  }

  /** Cell `i` as an object of its own. */
  cell(i: number): IndicatorCell {
    return this.fill(new FullCell(), i, true);
  }

  /** Every cell as an object of its own, in order. */
  toCells(): IndicatorCell[] {
    const out = new Array<IndicatorCell>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.cell(i);
    return out;
  }

  /** Every cell in order, each time in the same object, refilled: for a writer that reads it at once. */
  *rows(): IterableIterator<IndicatorCell> {
    const row = new FullCell();
    for (let i = 0; i < this.length; i++) yield this.fill(row, i, false);
  }

  private fill(c: FullCell, i: number, extras: boolean): FullCell {
    const texts = this.texts;
    c.indicator_id = texts[this.indicator[i]!]!;
    c.year = this.year[i]!;
    c.level = texts[this.level[i]!]!;
    c.system_code = texts[this.system[i]!]!;
    c.area_code = texts[this.area[i]!]!;
    c.stratum = texts[this.stratum[i]!]!;
    c.stratum_value = texts[this.stratumValue[i]!]!;
    c.numerator = this.numerator[i]!;
    c.denominator = this.denominator[i]!;
    c.sum_squares = this.hasSquares[i] ? this.sum_squares[i]! : null;
    c.statistic = texts[this.statistic[i]!] as Statistic;
    c.unit = texts[this.unit[i]!] as Unit;
    c.value = this.value[i]!;
    c.lower95 = this.lower95[i]!;
    c.upper95 = this.upper95[i]!;
    c.lower998 = this.lower998[i]!;
    c.upper998 = this.upper998[i]!;
    const low = this.lowCount[i]!;
    c.low_count = low < 0 ? null : low === 1;
    c.region_code = this.regions.value(this.regionCode[i]!);
    c.compared_region = this.grades.value(this.comparedRegion[i]!);
    c.compared_belgium = this.grades.value(this.comparedBelgium[i]!);
    c.quintile = this.quintile[i]! > 0 ? this.quintile[i]! : null;
    c.trend = this.trends.value(this.trendCode[i]!);
    c.trend_slope = this.hasSlope[i] ? this.trend_slope[i]! : null;
    const gap = this.hasGap[i] === 1;
    c.bim_ratio = gap ? this.bim_ratio[i]! : null;
    c.bim_ratio_lower95 = gap ? this.bim_ratio_lower95[i]! : null;
    c.bim_ratio_upper95 = gap ? this.bim_ratio_upper95[i]! : null;
    c.bim_difference = gap ? this.bim_difference[i]! : null;
    c.bim_difference_lower95 = gap ? this.bim_difference_lower95[i]! : null;
    c.bim_difference_upper95 = gap ? this.bim_difference_upper95[i]! : null;
    if (extras) {
      const bands = this.bands.get(i);
      if (bands) c.bands = bands;
      const expected = this.expected.get(i);
      if (expected !== undefined) c.expected = expected;
    }
    return c;
  }
}
