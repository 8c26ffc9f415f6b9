/**
 * The engine's cells stored by column: numbers in typed arrays, texts in arrays of shared
 * strings. A run of three indicators at scale 0.05 makes 121,608 cells; as objects of 30 fields
 * they were 41 MB of young-generation heap (every double a box of its own) that the garbage
 * collector copied twice, a third of the engine's time beyond its query. Typed arrays live
 * outside that heap and are never copied.
 *
 * Cells become `IndicatorCell` objects only where a reader needs objects (`toCells`, `cell`);
 * `rows` hands them to a writer through one reused object.
 */
import type { Statistic, Unit } from "../definition/schema.ts";
import type { Comparison, TrendAssessment } from "../stats/index.ts";
import type { CellKeyFields } from "./cell-index.ts";
import type { IndicatorCell } from "./derive.ts";
import type { Cell, CellWithStatistics } from "./statistics.ts";

type Bands = { counts: number[]; personYears: number[] };
type Estimate = { value: number; lower: number; upper: number };

const NUMBER_COLUMNS = [
  "numerator",
  "denominator",
  "sum_squares",
  "value",
  "lower95",
  "upper95",
  "lower998",
  "upper998",
  "trend_slope",
  "bim_ratio",
  "bim_ratio_lower95",
  "bim_ratio_upper95",
  "bim_difference",
  "bim_difference_lower95",
  "bim_difference_upper95",
] as const;
const TEXT_COLUMNS = ["indicator_id", "level", "system_code", "area_code", "stratum", "stratum_value", "statistic", "unit"] as const;

/** A few texts (regions, grades) as codes from 1; 0 is null. */
class Vocabulary<T extends string> {
  private readonly codes = new Map<T, number>();
  private readonly values: (T | null)[] = [null];

  code(value: T | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code > 255) throw new RangeError(`more than 255 distinct values (${value})`);
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  value(code: number): T | null {
    return this.values[code]!;
  }
}

/**
 * A cell with every field of an `IndicatorCell`, the derived ones empty until set.
 * A class rather than an object literal: V8 builds a 30-field literal through a runtime call
 * (about 1 µs a cell), where a constructor allocates inline, its fields in the object; spreading
 * the fields instead made dictionary-mode objects, and every later access 10× slower.
 */
function grownTexts<T>(a: T[], length: number, capacity: number): T[] {
  const b = new Array<T>(capacity);
  for (let i = 0; i < length; i++) b[i] = a[i]!;
  return b;
}
function grown<A extends Int32Array | Int8Array | Uint8Array | Float64Array>(a: A, b: A): A {
  b.set(a);
  return b;
}

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

export class CellTable implements Readonly<Record<keyof CellKeyFields, ArrayLike<unknown>>> {
  length = 0;
  private capacity: number;

  indicator_id: string[];
  year: Int32Array;
  level: string[];
  system_code: (string | null)[];
  area_code: string[];
  stratum: string[];
  stratum_value: string[];
  statistic: Statistic[];
  unit: Unit[];
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
  private readonly regions = new Vocabulary<string>();
  private readonly grades = new Vocabulary<Comparison>();
  private readonly trends = new Vocabulary<TrendAssessment>();

  constructor(capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    // Arrays of their full capacity, written by index: a push that grows them cost three times as
    // much. Growing copies every column: `reserve` what is about to be added.
    const texts = <T>() => new Array<T>(this.capacity);
    this.indicator_id = texts();
    this.level = texts();
    this.system_code = texts();
    this.area_code = texts();
    this.stratum = texts();
    this.stratum_value = texts();
    this.statistic = texts();
    this.unit = texts();
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
    // An eighth more: what is added after a batch of the query (zone figures, ratios) fits.
    if (needed > this.capacity) this.grow(needed + (needed >> 3));
  }

  // Every column by its name, not through a loop over names: a property read by a name held in a
  // variable is V8's generic lookup, and this copy of 30 columns cost more than filling them.
  private grow(capacity: number): void {
    const n = this.length;
    this.capacity = capacity;
    this.indicator_id = grownTexts(this.indicator_id, n, capacity);
    this.level = grownTexts(this.level, n, capacity);
    this.system_code = grownTexts(this.system_code, n, capacity);
    this.area_code = grownTexts(this.area_code, n, capacity);
    this.stratum = grownTexts(this.stratum, n, capacity);
    this.stratum_value = grownTexts(this.stratum_value, n, capacity);
    this.statistic = grownTexts(this.statistic, n, capacity);
    this.unit = grownTexts(this.unit, n, capacity);
    this.year = grown(this.year, new Int32Array(capacity));
    this.hasSquares = grown(this.hasSquares, new Uint8Array(capacity));
    this.lowCount = grown(this.lowCount, new Int8Array(capacity));
    this.regionCode = grown(this.regionCode, new Uint8Array(capacity));
    this.comparedRegion = grown(this.comparedRegion, new Uint8Array(capacity));
    this.comparedBelgium = grown(this.comparedBelgium, new Uint8Array(capacity));
    this.trendCode = grown(this.trendCode, new Uint8Array(capacity));
    this.quintile = grown(this.quintile, new Int8Array(capacity));
    this.hasGap = grown(this.hasGap, new Uint8Array(capacity));
    this.hasSlope = grown(this.hasSlope, new Uint8Array(capacity));
    this.numerator = grown(this.numerator, new Float64Array(capacity));
    this.denominator = grown(this.denominator, new Float64Array(capacity));
    this.sum_squares = grown(this.sum_squares, new Float64Array(capacity));
    this.value = grown(this.value, new Float64Array(capacity));
    this.lower95 = grown(this.lower95, new Float64Array(capacity));
    this.upper95 = grown(this.upper95, new Float64Array(capacity));
    this.lower998 = grown(this.lower998, new Float64Array(capacity));
    this.upper998 = grown(this.upper998, new Float64Array(capacity));
    this.trend_slope = grown(this.trend_slope, new Float64Array(capacity));
    this.bim_ratio = grown(this.bim_ratio, new Float64Array(capacity));
    this.bim_ratio_lower95 = grown(this.bim_ratio_lower95, new Float64Array(capacity));
    this.bim_ratio_upper95 = grown(this.bim_ratio_upper95, new Float64Array(capacity));
    this.bim_difference = grown(this.bim_difference, new Float64Array(capacity));
    this.bim_difference_lower95 = grown(this.bim_difference_lower95, new Float64Array(capacity));
    this.bim_difference_upper95 = grown(this.bim_difference_upper95, new Float64Array(capacity));
  }

  /** A cell from its key and counts (`c`, read, not kept) and its statistics; its index. */
  add(c: Cell, statistic: Statistic, unit: Unit, value: number, lower95: number, upper95: number, lower998: number, upper998: number, lowCount: boolean | null): number {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    const i = this.length++;
    this.indicator_id[i] = c.indicator_id;
    this.year[i] = c.year;
    this.level[i] = c.level;
    this.system_code[i] = c.system_code;
    this.area_code[i] = c.area_code;
    this.stratum[i] = c.stratum;
    this.stratum_value[i] = c.stratum_value;
    this.statistic[i] = statistic;
    this.unit[i] = unit;
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

  /** Keeps the cells `keep` says yes to, in order. */
  filter(keep: (i: number) => boolean): void {
    const bands = new Map(this.bands);
    const expected = new Map(this.expected);
    this.bands.clear();
    this.expected.clear();
    const texts = TEXT_COLUMNS.map((name) => this[name] as unknown[]);
    const numbers = [
      this.year,
      this.hasSquares,
      this.lowCount,
      this.regionCode,
      this.comparedRegion,
      this.comparedBelgium,
      this.trendCode,
      this.quintile,
      this.hasGap,
      this.hasSlope,
      ...NUMBER_COLUMNS.map((n) => this[n]),
    ];
    let to = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      if (to !== i) {
        for (const t of texts) t[to] = t[i];
        for (const a of numbers) a[to] = a[i]!;
      }
      if (bands.has(i)) this.bands.set(to, bands.get(i)!);
      if (expected.has(i)) this.expected.set(to, expected.get(i)!);
      to++;
    }
    for (const t of texts) t.fill(undefined, to, this.length);
    for (const a of numbers) a.fill(0, to, this.length);
    this.length = to;
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
    c.indicator_id = this.indicator_id[i]!;
    c.year = this.year[i]!;
    c.level = this.level[i]!;
    c.system_code = this.system_code[i]!;
    c.area_code = this.area_code[i]!;
    c.stratum = this.stratum[i]!;
    c.stratum_value = this.stratum_value[i]!;
    c.numerator = this.numerator[i]!;
    c.denominator = this.denominator[i]!;
    c.sum_squares = this.hasSquares[i] ? this.sum_squares[i]! : null;
    c.statistic = this.statistic[i]!;
    c.unit = this.unit[i]!;
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
