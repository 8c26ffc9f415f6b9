import { SdcError, type ResolvedOptions, type SdcCell, type SdcOptions } from "./model.ts";

/**
 * Default complementary-suppression cost: 1 + ln(1 + value).
 *
 * The constant 1 makes the cost mostly a count of hidden cells, which is what
 * a reader of the table loses. The logarithm breaks ties toward small cells
 * and makes a large total (a municipality of 10,000: ≈ 10.2) cost as much as
 * several small cells (value 5: ≈ 2.8), so totals are hidden only when that
 * saves several leaves. Cost = value would instead hide many tiny cells to
 * spare one medium one and shred the table; constant cost would hide a
 * regional total as readily as a cell of 6.
 */
export function defaultCost(cell: SdcCell): number {
  return 1 + Math.log1p(cell.value);
}

export function resolveOptions(options: SdcOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    minCount: options.minCount ?? 5,
    publishZeros: options.publishZeros ?? true,
    protectionWidth: options.protectionWidth ?? 5,
    cost: options.cost ?? defaultCost,
    pruneBudget: options.pruneBudget ?? Infinity,
  };
  if (!Number.isInteger(resolved.minCount) || resolved.minCount < 1) {
    throw new SdcError(`minCount must be a positive integer, got ${resolved.minCount}`);
  }
  if (!Number.isInteger(resolved.protectionWidth) || resolved.protectionWidth < 1) {
    throw new SdcError(`protectionWidth must be a positive integer, got ${resolved.protectionWidth}`);
  }
  if (!(resolved.pruneBudget >= 0)) throw new SdcError(`pruneBudget must be ≥ 0, got ${resolved.pruneBudget}`);
  return resolved;
}

/** Whether a count is sensitive under the options (the primary rule). */
export function isSensitiveValue(value: number, options: ResolvedOptions): boolean {
  if (value === 0) return !options.publishZeros;
  return value < options.minCount;
}

/**
 * Lower bound an attacker can put on an unpublished cell. With zeros
 * published, a hidden publishable cell cannot be 0. A latent cell is never
 * published, so nothing is learnt from its absence.
 */
export function lowerBound(publishable: boolean, options: ResolvedOptions): number {
  return publishable && options.publishZeros ? 1 : 0;
}
