// Statistical process control for PDCA checks (NHS England "Making Data Count"). Pure functions.
export * from "./xmr.ts";
export * from "./rules.ts";
export * from "./assurance.ts";
export * from "./verdict.ts";
export * from "./messages.ts";
