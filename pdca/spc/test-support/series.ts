import type { SeriesPoint } from "../xmr.ts";

/** Consecutive years from `first` (tests); null is a hidden cell. */
export const yearly = (first: number, values: (number | null)[]): SeriesPoint[] => values.map((value, i) => ({ year: first + i, value }));
