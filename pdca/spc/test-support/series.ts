import type { SeriesPoint } from "../xmr.ts";

/** Consecutive years from `first` (tests); null is a hidden cell. */
export const yearly = (first: number, values: (number | null)[]): SeriesPoint[] => values.map((value, i) => ({ year: first + i, value }));

/** Consecutive quarters from the first of `first` (tests): each point has its year and period. */
export const quarterly = (first: number, values: (number | null)[]): SeriesPoint[] =>
  values.map((value, i) => ({ year: first + Math.floor(i / 4), period: `${first + Math.floor(i / 4)}-Q${(i % 4) + 1}`, value }));
