// app.duckdb: the server's own data (accounts, sessions, PDCA cycles). Every function takes the
// `Queries` of one unit of work: `db.write((q) => createCycle(q, …))` is one transaction.
export { AppDatabase, type Queries } from "./database.ts";
export { StoreError } from "./errors.ts";
export * from "./types.ts";
export * from "./users.ts";
export * from "./sessions.ts";
export * from "./cycles.ts";
export * from "./items.ts";
export { listHistory } from "./history.ts";
export * from "./examples.ts";
