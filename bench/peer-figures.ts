/**
 * The figures of the R data.table peer and of the engine, side by side: one CSV format for
 * both (bench/peers/three-indicators.R writes it, bench/tasks/r-peer-task.ts too) and the
 * check that every cell has the same numerator and denominator on both sides. Pure: no I/O.
 */

import type { Cell } from "../indicators/compute/statistics.ts";

/** One cell's counts, keyed as the engine keys its cells. */
export type Figure = Pick<Cell, "indicator_id" | "year" | "level" | "system_code" | "area_code" | "stratum" | "stratum_value" | "numerator" | "denominator">;

const KEY = ["indicator_id", "year", "level", "system_code", "area_code", "stratum", "stratum_value"] as const;
const COLUMNS = [...KEY, "numerator", "denominator"] as const;

export function figureKey(f: Figure): string {
  return KEY.map((k) => f[k] ?? "").join("|");
}

/**
 * The engine's figures an analyst compares: every level but `sector`, whose cells are groups of
 * sectors computed for disclosure control only, never published (indicators/compute/areas.ts).
 */
export function comparableFigures<F extends Pick<Figure, "level">>(cells: readonly F[]): F[] {
  return cells.filter((c) => c.level !== "sector");
}

/** The figures as CSV (codes hold no comma or quote: see contract/codes.ts). */
export function figuresToCsv(figures: readonly Figure[]): string {
  const lines = [COLUMNS.join(",")];
  for (const f of figures) lines.push(COLUMNS.map((c) => f[c] ?? "").join(","));
  return `${lines.join("\n")}\n`;
}

/** Reads the columns it needs by name; other columns (the peer's `value`) are ignored. */
export function parseFiguresCsv(text: string): Figure[] {
  const [header = "", ...lines] = text.split(/\r?\n/).filter((l) => l !== "");
  const names = header.split(",");
  const at = Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((c) => at[c] < 0);
  if (missing.length > 0) throw new Error(`figures CSV lacks ${missing.join(", ")}`);
  return lines.map((line, i) => {
    if (line.includes('"')) throw new Error(`figures CSV line ${i + 2}: quoted fields are not expected`);
    const v = line.split(",");
    const number = (c: "year" | "numerator" | "denominator") => {
      const n = Number(v[at[c]]);
      if (v[at[c]] === "" || !Number.isFinite(n)) throw new Error(`figures CSV line ${i + 2}: ${c} is not a number`);
      return n;
    };
    return {
      indicator_id: v[at.indicator_id]!,
      year: number("year"),
      level: v[at.level]!,
      system_code: v[at.system_code] || null,
      area_code: v[at.area_code]!,
      stratum: v[at.stratum]!,
      stratum_value: v[at.stratum_value]!,
      numerator: number("numerator"),
      denominator: number("denominator"),
    };
  });
}

export interface Agreement {
  /** Cells present on both sides. */
  compared: number;
  agree: number;
  /** Same cell, different numerator or denominator. */
  disagree: number;
  onlyEngine: number;
  onlyPeer: number;
  /** Up to 10 differences, for the report. */
  examples: string[];
}

/** Numerator and denominator of every cell, both ways: a cell missing on one side counts too. */
export function compareFigures(engine: readonly Figure[], peer: readonly Figure[]): Agreement {
  const peerByKey = new Map(peer.map((f) => [figureKey(f), f]));
  if (peerByKey.size !== peer.length) throw new Error("the peer's figures repeat a cell");
  const result: Agreement = { compared: 0, agree: 0, disagree: 0, onlyEngine: 0, onlyPeer: 0, examples: [] };
  const note = (text: string) => result.examples.length < 10 && result.examples.push(text);
  const seen = new Set<string>();
  for (const e of engine) {
    const key = figureKey(e);
    if (seen.has(key)) throw new Error(`the engine's figures repeat the cell ${key}`);
    seen.add(key);
    const p = peerByKey.get(key);
    if (!p) {
      result.onlyEngine++;
      note(`${key}: engine only`);
      continue;
    }
    result.compared++;
    if (p.numerator === e.numerator && p.denominator === e.denominator) result.agree++;
    else {
      result.disagree++;
      note(`${key}: engine ${e.numerator}/${e.denominator}, peer ${p.numerator}/${p.denominator}`);
    }
  }
  for (const [key] of peerByKey) {
    if (seen.has(key)) continue;
    result.onlyPeer++;
    note(`${key}: peer only`);
  }
  return result;
}

export function agrees(a: Agreement): boolean {
  return a.disagree === 0 && a.onlyEngine === 0 && a.onlyPeer === 0 && a.compared > 0;
}
