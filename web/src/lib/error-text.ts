// An error in the page's language: an API answer by its stable code (core/error-codes.ts),
// never by the server's English message; anything else (the network, a broken answer) by a
// sentence of our own.
import type { ApiErrorCode } from "../../../core/error-codes.ts";
import { API_ERRORS } from "./i18n/api-errors.ts";
import type { Lang } from "./route.ts";

export interface CodedError {
  status?: number;
  code?: string;
  params?: Record<string, string | number>;
}

const FALLBACK: Record<Lang, string> = {
  fr: "Le serveur n'a pas pu répondre. Réessayez plus tard.",
  nl: "De server kon niet antwoorden. Probeer het later opnieuw.",
  de: "Der Server konnte nicht antworten. Versuchen Sie es später erneut.",
  en: "The server could not answer. Try again later.",
};

const STATUS: Record<number, ApiErrorCode> = { 400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 409: "conflict", 415: "unsupported-media-type", 429: "too-many-requests" };

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === "string" && Object.hasOwn(API_ERRORS.en, code);
}

export function apiErrorText(lang: Lang, code: ApiErrorCode, params: Record<string, string | number> = {}): string {
  return API_ERRORS[lang][code].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The words for an error thrown by the API helpers (api.ts, session.svelte.ts), or any other. */
export function errorText(lang: Lang, error: unknown): string {
  const e = (error ?? {}) as CodedError;
  if (isApiErrorCode(e.code)) return apiErrorText(lang, e.code, e.params);
  const byStatus = e.status !== undefined ? (STATUS[e.status] ?? (e.status >= 500 ? "internal-error" : undefined)) : undefined;
  if (byStatus && byStatus !== "internal-error") return apiErrorText(lang, byStatus);
  return FALLBACK[lang];
}
