/**
 * Cheap deductions before any LP: a published equation with one unknown left fixes it; one
 * whose unknowns all count positively and add up to 0 fixes them all to 0 (counts are ≥ 0).
 * Fixed unknowns become constants, so most atoms of published zones leave the LPs, and many
 * exact recoveries are found without one.
 */
import type { Row } from "./solver.ts";
import type { AttackSystem, Target } from "./system.ts";

const EPS = 1e-7;

export function presolve(system: AttackSystem): AttackSystem {
  const n = system.numVars;
  const fixed = new Float64Array(n).fill(NaN);
  const rowsOf: number[][] = Array.from({ length: n }, () => []);
  system.rows.forEach((r, i) => r.idx.forEach((v) => rowsOf[v]!.push(i)));
  const free = Int32Array.from(system.rows, (r) => r.idx.length);
  const constant = new Float64Array(system.rows.length);
  const queue: number[] = system.rows.map((_, i) => i);
  const fix = (v: number, value: number) => {
    if (!Number.isNaN(fixed[v]!)) return;
    fixed[v] = Math.max(0, value);
    for (const i of rowsOf[v]!) {
      const r = system.rows[i]!;
      free[i]!--;
      for (let k = 0; k < r.idx.length; k++) if (r.idx[k] === v) constant[i] = constant[i]! + r.val[k]! * fixed[v]!;
      queue.push(i);
    }
  };
  while (queue.length > 0) {
    const i = queue.pop()!;
    const r = system.rows[i]!;
    if (r.lo !== r.hi || free[i] === 0) continue;
    const rest = r.lo - constant[i]!;
    if (free[i] === 1) {
      const k = r.idx.findIndex((v) => Number.isNaN(fixed[v]!));
      fix(r.idx[k]!, rest / r.val[k]!);
    } else if (Math.abs(rest) < EPS && r.idx.every((v, k) => !Number.isNaN(fixed[v]!) || r.val[k]! > 0)) {
      for (const v of r.idx) if (Number.isNaN(fixed[v]!)) fix(v, 0);
    }
  }
  // Renumber what is left.
  const id = new Int32Array(n).fill(-1);
  let numVars = 0;
  for (let v = 0; v < n; v++) if (Number.isNaN(fixed[v]!)) id[v] = numVars++;
  const reduce = (idx: readonly number[], val: readonly number[]) => {
    const out: { idx: number[]; val: number[]; constant: number } = { idx: [], val: [], constant: 0 };
    idx.forEach((v, k) => {
      if (id[v] === -1) out.constant += val[k]! * fixed[v]!;
      else {
        out.idx.push(id[v]!);
        out.val.push(val[k]!);
      }
    });
    return out;
  };
  const rows: Row[] = [];
  for (const r of system.rows) {
    const x = reduce(r.idx, r.val);
    // Rows left without unknowns are checked by nothing: the LP would only see consistent data.
    if (x.idx.length > 0) rows.push({ idx: x.idx, val: x.val, lo: r.lo - x.constant, hi: r.hi - x.constant });
  }
  const targets: Target[] = system.targets.map((t) => {
    const x = reduce(t.idx, t.val);
    return { ...t, idx: x.idx, val: x.val, offset: (t.offset ?? 0) + x.constant };
  });
  return { numVars, rows, targets, smallFacts: system.smallFacts };
}
