/** Statistics of the indicator engine: pure functions, no I/O. */
export * from "./distributions.ts";
export * from "./confidence.ts";
export * from "./standardisation.ts";
export * from "./compare.ts";
export * from "./trend.ts";
export * from "./equity.ts";
export * from "./inequality.ts";
