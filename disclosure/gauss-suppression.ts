// Secondary suppression by Gaussian elimination over one model matrix, after
// Statistics Norway's GaussSuppression: every released cell is a column, a
// 0/1 vector over the inner cells (the finest cross-classification of what
// is counted), so two definitions counting the same persons have the same
// column, and sums, nestings and a numerator reused as a denominator are
// linear dependencies the elimination sees without being told.
//
// Candidates are taken in order of preference for publication. A candidate
// is published unless adding its column to the span of the published ones
// would put a protected vector (a primary cell, or a latent sensitive
// combination such as den − num) in that span, i.e. make it computable
// exactly. The span is kept in echelon form; each protected vector is kept
// reduced against it, so "would become computable" is "its residual
// becomes zero after one more elimination step".
//
// Arithmetic is modulo 2^31 − 1 (see gauss.ts). A residual that vanishes
// over the rationals vanishes modulo p too, so the only possible error is a
// spurious zero: one more suppression, never one less.
//
// This settles exact disclosure only; the protection width is an interval
// question, checked afterwards by LP (linked-protect.ts).

import { inverse, mul, P } from "./modular.ts";

type Vec = Map<number, number>;

const vector = (support: readonly number[]): Vec => {
  const v: Vec = new Map();
  for (const i of support) v.set(i, 1);
  return v;
};

/** v − f·w, in place on v. */
function subtract(v: Vec, f: number, w: Vec): void {
  for (const [i, x] of w) {
    let next = (v.get(i) ?? 0) - mul(f, x);
    if (next < 0) next += P;
    if (next === 0) v.delete(i);
    else v.set(i, next);
  }
}

export interface GaussInput {
  /** Every released cell's support: the inner cells it adds up. */
  columns: readonly (readonly number[])[];
  /** Columns hidden whatever happens (primary suppressions). */
  primary: readonly number[];
  /** Supports of vectors that must stay uncomputable besides the primaries (den − num, …). */
  protect: readonly (readonly number[])[];
  /** The other columns, most wanted published first; forced ones (zeros, known) come first. */
  candidates: readonly number[];
  /** Candidates that must be published (zeros, known facts): never suppressed. */
  forced?: ReadonlySet<number>;
}

export interface GaussResult {
  /** Candidates that must be hidden so that no protected vector is computable. */
  secondary: number[];
  /** Protected vectors (index into primary then protect) already computable from forced cells. */
  exposed: number[];
}

/**
 * Inner cells that no released cell (nor protected vector) tells apart are one unknown to
 * anyone: merge them, exactly (by the list of supports holding each), so columns get short.
 * The finest cross-classification is far finer than what is released, and dense basis rows
 * made the elimination grow faster than quadratically before this step.
 */
export function mergeInner(supports: readonly (readonly number[])[]): number[][] {
  const holders = new Map<number, number[]>();
  supports.forEach((support, c) => {
    for (const i of support) {
      const h = holders.get(i);
      if (h) h.push(c);
      else holders.set(i, [c]);
    }
  });
  const classOf = new Map<string, number>();
  const merged = new Map<number, number>();
  for (const [i, h] of holders) {
    const key = h.join(",");
    let k = classOf.get(key);
    if (k === undefined) classOf.set(key, (k = classOf.size));
    merged.set(i, k);
  }
  return supports.map((support) => [...new Set(support.map((i) => merged.get(i)!))]);
}

export function gaussSuppression(raw: GaussInput): GaussResult {
  const all = mergeInner([...raw.columns, ...raw.protect]);
  const input = { ...raw, columns: all.slice(0, raw.columns.length), protect: all.slice(raw.columns.length) };
  // The span of the published columns: rows in insertion order, each with its pivot.
  const basis: { pivot: number; row: Vec }[] = [];
  const rank = new Map<number, number>(); // pivot → its row's place in the basis
  // Row k is zero at the pivots of rows before it, so subtracting rows in basis order, only
  // those whose pivot is in v, never brings back an earlier pivot: a heap of places suffices.
  const reduce = (v: Vec) => {
    const heap = new MinHeap();
    const queued = new Set<number>();
    const enqueue = (i: number) => {
      const k = rank.get(i);
      if (k !== undefined && !queued.has(k)) {
        queued.add(k);
        heap.push(k);
      }
    };
    for (const i of v.keys()) enqueue(i);
    for (let k = heap.pop(); k !== undefined; k = heap.pop()) {
      const { pivot, row } = basis[k]!;
      const f = v.get(pivot);
      if (f === undefined) continue;
      subtract(v, f, row);
      for (const i of row.keys()) if (v.has(i)) enqueue(i);
    }
    return v;
  };
  const targets = [...input.primary.map((c) => input.columns[c]!), ...input.protect].map(vector);
  // Which targets have a non-zero at an inner cell: only those can change when a pivot lands there.
  const holders = new Map<number, Set<number>>();
  const hold = (t: number, i: number) => {
    let s = holders.get(i);
    if (!s) holders.set(i, (s = new Set()));
    s.add(t);
  };
  targets.forEach((v, t) => {
    for (const i of v.keys()) hold(t, i);
  });
  const exposed = new Set<number>();
  const secondary: number[] = [];
  for (const c of input.candidates) {
    const r = reduce(vector(input.columns[c]!));
    if (r.size === 0) continue; // already in the span: publishing it tells nothing new
    // Pivot on the entry held by the fewest targets: the fewest residuals to update.
    let pivot = -1;
    for (const i of r.keys()) if (pivot < 0 || (holders.get(i)?.size ?? 0) < (holders.get(pivot)?.size ?? 0)) pivot = i;
    const scale = inverse(r.get(pivot)!);
    for (const [i, x] of r) r.set(i, mul(x, scale));
    const touched = [...(holders.get(pivot) ?? [])].filter((t) => !exposed.has(t));
    const updated = touched.map((t) => {
      const v = new Map(targets[t]!);
      subtract(v, v.get(pivot)!, r);
      return v;
    });
    const disclosing = updated.some((v) => v.size === 0);
    if (disclosing && !input.forced?.has(c)) {
      secondary.push(c);
      continue;
    }
    // Publish: the span grows by r, and every touched target is now reduced by it too.
    rank.set(pivot, basis.length);
    basis.push({ pivot, row: r });
    touched.forEach((t, k) => {
      for (const i of targets[t]!.keys()) holders.get(i)?.delete(t);
      targets[t] = updated[k]!;
      for (const i of updated[k]!.keys()) hold(t, i);
      if (updated[k]!.size === 0) exposed.add(t);
    });
  }
  return { secondary, exposed: [...exposed] };
}

class MinHeap {
  private readonly items: number[] = [];
  push(x: number): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p]! <= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): number | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
