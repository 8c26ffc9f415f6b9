// The vocabulary of the library: a release is a set of count cells tied by
// additive relations. The library knows nothing of indicators or areas; the
// caller turns its tables into cells and relations.

export interface SdcCell {
  /** Unique identifier. */
  id: string;
  /** True count of persons: a non-negative integer. */
  value: number;
  /**
   * False for a latent cell: never published (e.g. den − num of a proportion,
   * the part of a municipality inside a sub-zone) but still an unknown of the
   * attacker's equations, and protected like any cell if it is small.
   */
  publishable: boolean;
  /**
   * Known to an attacker whatever we do (e.g. published in the previous
   * release): treated as published and never hidden.
   */
  known?: boolean;
  /**
   * How many published figures this count stands for (default 1): hiding it hides them all, so
   * hiding it as a complementary suppression costs `weight` times its cost. A population shared
   * by a dozen indicators then costs a dozen figures, and the protection LPs go round it.
   */
  weight?: number;
  /**
   * A headline figure (a country's or a region's count): when the protection LP of a small
   * count, solved around it, would hide this cell, it is solved again over a wider
   * neighbourhood, which often finds a pattern that spares it. A preference, not a promise.
   */
  prominent?: boolean;
}

/** value(total) = Σ value(parts), exactly. */
export interface SdcRelation {
  total: string;
  parts: string[];
}

export interface SdcProblem {
  cells: SdcCell[];
  relations: SdcRelation[];
  /**
   * Publishable cells to hide whatever happens, as complementary suppressions that pruning
   * never publishes again: a later problem that shares them could not protect its own small
   * counts while they are published.
   */
  hide?: string[];
  /**
   * The cells a previous release hid, for a problem it published with the same values. When
   * they and `hide` cover every publishable cell that is not known, that pattern is audited
   * first and kept if it passes (no LP of its own); otherwise the problem is protected as usual.
   */
  previous?: string[];
}

export interface SdcOptions {
  /** A count from 1 to minCount − 1 is sensitive. Default 5. */
  minCount?: number;
  /**
   * Default true: zeros are published, so every hidden publishable cell is
   * known to be ≥ 1. When false, zeros are sensitive (hidden) too and hidden
   * cells are only known to be ≥ 0.
   */
  publishZeros?: boolean;
  /** Every sensitive cell's feasible interval (max − min) must reach this. Default 5. */
  protectionWidth?: number;
  /** Cost of hiding a cell as complementary suppression. Default: see cost.ts. */
  cost?: (cell: SdcCell) => number;
  /**
   * How much the pruning pass may spend, in LP solves per LP solve of the suppression passes
   * before it. Default Infinity: every complementary cell is tried, so none is redundant.
   * Pruning was most of the time on rare-event tables (60 % on the demo's deaths); a finite
   * budget stops it early, deterministically, after the costliest cells (totals) were tried.
   */
  pruneBudget?: number;
}

export type ResolvedOptions = Required<SdcOptions>;

/** What a third party sees: structure, published values, and which cells to attack. */
export interface SdcRelease {
  cells: ReleasedCell[];
  relations: SdcRelation[];
  /** Ids of the sensitive cells (hidden, latent, or known). */
  sensitive: string[];
}

export interface ReleasedCell {
  id: string;
  publishable: boolean;
  known?: boolean;
  /** Present exactly when the cell is published (or known); absent when hidden or latent. */
  value?: number;
}

/** Raised when the input is malformed or the release is internally inconsistent. */
export class SdcError extends Error {
  override name = "SdcError";
}
