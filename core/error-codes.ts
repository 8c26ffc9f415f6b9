// The stable codes of the API's error answers: `{ error, message, code, params? }`. A client
// shows its own words for the code (the dashboard: web/src/lib/i18n/api-errors.ts, in fr, nl,
// de and en); `message` is the English explanation for developers and logs, and may change.
// `params` holds the values a message names (an indicator id, a zone, a number).
// A code is never renamed or reused for another meaning; add new ones at the end of a group.
export const API_ERROR_CODES = [
  // Whatever the route: the generic answer of each status when nothing more precise applies.
  "bad-request",
  "not-found",
  "unauthorized",
  "forbidden",
  "conflict",
  "unsupported-media-type",
  "too-many-requests",
  "internal-error",
  "invalid-request",
  "malformed-request",
  "no-route",
  "release-building",
  // Release data (public API).
  "query-repeated",
  "unknown-indicator",
  "unknown-area",
  "unknown-areas",
  "unknown-zone-system",
  "unknown-zone",
  "system-needs-zone-level",
  "zone-needs-system",
  "areas-need-level",
  "level-not-available",
  "breakdown-not-available",
  "no-bim-breakdown",
  "too-many-cells",
  "no-sub-annual-periods",
  // Accounts and sessions.
  "sign-in-required",
  "wrong-credentials",
  "too-many-logins",
  "cross-site",
  "json-body-required",
  "csrf-token",
  "admin-only",
  "zone-not-writable",
  "zones-for-editors-only",
  "editor-needs-zone",
  "password-too-short",
  "password-too-long",
  "password-too-simple",
  "own-account",
  "username-taken",
  "user-not-found",
  // PDCA cycles.
  "cycle-not-found",
  "action-not-found",
  "indicator-without-zone-cells",
  "no-baseline",
  "baseline-year-missing",
  "baseline-hidden",
  "previous-cycle-not-found",
  "previous-cycle-other-zone",
  "previous-cycle-open",
  "stale-version",
  "cycle-closed",
  "phase-unchanged",
  "phase-move-not-allowed",
  "decision-only-when-closing",
  "target-needed",
  "action-needed",
  "decision-needed",
  "plan-fields-fixed",
  "decision-in-act-only",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
export type ErrorParams = Record<string, string | number>;

/** The generic code of a status, for errors raised without one (Fastify's own, plugins). */
export function codeOfStatus(status: number): ApiErrorCode {
  const codes: Record<number, ApiErrorCode> = { 400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 409: "conflict", 415: "unsupported-media-type", 429: "too-many-requests" };
  return codes[status] ?? (status >= 500 ? "internal-error" : "bad-request");
}

/** A refusal with its code, for pure rules that explain why something is not allowed. */
export interface Refusal {
  code: ApiErrorCode;
  message: string;
  params?: ErrorParams;
}
