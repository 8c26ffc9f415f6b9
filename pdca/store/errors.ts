import type { ApiErrorCode, ErrorParams, Refusal } from "../../core/error-codes.ts";

/**
 * A refusal the caller can act on. `invalid`: the request itself is wrong; `not-found`;
 * `conflict`: right in form but not in the current state (phase rules, stale version,
 * duplicate username); `busy`: app.duckdb is held by another process. `code` is the API's
 * stable error code (server/error-codes.ts).
 */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly code: ApiErrorCode = generalCode(kind),
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

export type StoreErrorKind = "invalid" | "not-found" | "conflict" | "busy";

/** The API code of a refusal that names no more precise one. */
function generalCode(kind: StoreErrorKind): ApiErrorCode {
  switch (kind) {
    case "not-found":
      return "not-found";
    case "conflict":
      return "conflict";
    case "invalid":
      return "bad-request";
    case "busy":
      // Raised only when app.duckdb is opened (the CLI reports it); server/pdca/db.ts never answers with it.
      return "bad-request";
    default: {
      const unknown: never = kind;
      throw new Error(`store error of unknown kind ${JSON.stringify(unknown)}`);
    }
  }
}

export const notFound = (code: ApiErrorCode, what: string, params?: ErrorParams) => new StoreError("not-found", what, code, params);
export const conflict = (code: ApiErrorCode, message: string, params?: ErrorParams) => new StoreError("conflict", message, code, params);
export const invalid = (code: ApiErrorCode, message: string, params?: ErrorParams) => new StoreError("invalid", message, code, params);
/** A rule's refusal (cycles/rules.ts) as a conflict. */
export const refused = (r: Refusal) => new StoreError("conflict", r.message, r.code, r.params);
