/**
 * A refusal the caller can act on. `invalid`: the request itself is wrong; `not-found`;
 * `conflict`: right in form but not in the current state (phase rules, stale version,
 * duplicate username); `busy`: app.duckdb is held by another process.
 */
export class StoreError extends Error {
  constructor(
    readonly kind: "invalid" | "not-found" | "conflict" | "busy",
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new StoreError("not-found", what);
export const conflict = (message: string) => new StoreError("conflict", message);
export const invalid = (message: string) => new StoreError("invalid", message);
