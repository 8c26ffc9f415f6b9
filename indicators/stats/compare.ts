/**
 * Benchmark comparison (Fingertips style) and quintiles among the zones of one system.
 */

export type Polarity = "high-is-good" | "low-is-good" | "no-judgement";

export type Comparison = "similar" | "better" | "worse" | "much-better" | "much-worse" | "higher" | "lower" | "much-higher" | "much-lower" | "not-compared";

export interface ComparedEstimate {
  value: number;
  /** 95% interval of the zone's value. */
  lower95: number;
  upper95: number;
  /** 99.8% interval; without it, "much-…" cannot be reached. */
  lower998?: number;
  upper998?: number;
}

const ok = (x: number | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Compares a zone with a benchmark value by where the benchmark lies relative to the
 * zone's intervals: inside the 95% interval (bounds included) → similar; outside the
 * 95% but inside the 99.8% → better/worse (higher/lower when no judgement); outside the
 * 99.8% → much-…. Direction is that of the zone relative to the benchmark.
 * "not-compared" when the benchmark, the value or a 95% bound is missing or not finite.
 */
export function compareWithBenchmark(estimate: ComparedEstimate, benchmark: number, polarity: Polarity): Comparison {
  const { value, lower95, upper95, lower998, upper998 } = estimate;
  if (!ok(benchmark) || !ok(value) || !ok(lower95) || !ok(upper95)) return "not-compared";
  if (benchmark >= lower95 && benchmark <= upper95) return "similar";
  const zoneHigher = benchmark < lower95;
  // Missing 99.8% bounds: stay at the 95% grade rather than guess.
  const much = ok(lower998) && ok(upper998) && (benchmark < lower998 || benchmark > upper998);
  if (polarity === "no-judgement") {
    if (zoneHigher) return much ? "much-higher" : "higher";
    return much ? "much-lower" : "lower";
  }
  const good = zoneHigher === (polarity === "high-is-good");
  if (good) return much ? "much-better" : "better";
  return much ? "much-worse" : "worse";
}

/**
 * Quintile (1 = lowest values … 5 = highest) of each zone's value within one system.
 * Rank-based: each finite value gets its mid-rank r among the m finite values (tied values
 * share the average of their ranks, hence the same quintile, so a tie is never split
 * across quintiles and groups can be unequal), then quintile = floor(5·(r − ½)/m) + 1.
 * With m a multiple of 5 and no ties this gives exactly m/5 zones per quintile.
 * Missing (null, NaN, ±Infinity) values get null. With fewer than 5 finite values every
 * entry is null: quintiles of 2–4 zones would present rank noise as a fifths ranking.
 */
export function quintiles(values: readonly (number | null | undefined)[]): (1 | 2 | 3 | 4 | 5 | null)[] {
  const out: (1 | 2 | 3 | 4 | 5 | null)[] = new Array(values.length).fill(null);
  const finite = new Float64Array(values.length);
  let m = 0;
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) finite[m++] = v;
  if (m < 5) return out;
  const sorted = finite.subarray(0, m).sort();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" && Number.isFinite(v)) out[i] = quintileAmong(sorted, v);
  }
  return out;
}

/**
 * The quintile of `v` among `sorted`, the ascending finite values of its group (v one of them,
 * at least 5 values): by the mid-rank of its ties, as `quintiles`. Binary searches on a typed
 * array rather than objects sorted by a comparator: the engine ranks every zone and
 * municipality cell of a national run.
 */
export function quintileAmong(sorted: Float64Array, v: number): 1 | 2 | 3 | 4 | 5 {
  const m = sorted.length;
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  // 0-based first and last index of the ties; ranks are 1-based.
  const midRank = (first + lo - 1) / 2 + 1;
  return Math.min(5, Math.floor((5 * (midRank - 0.5)) / m) + 1) as 1 | 2 | 3 | 4 | 5;
}
