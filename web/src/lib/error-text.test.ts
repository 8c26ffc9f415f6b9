// Every API error code has words in fr, nl, de and en, with the same placeholders; the page
// never shows the server's English message.
import { describe, expect, it } from "vitest";
import { API_ERROR_CODES } from "../../../core/error-codes.ts";
import { ApiError } from "./api.ts";
import { apiErrorText, errorText } from "./error-text.ts";
import { API_ERRORS } from "./i18n/api-errors.ts";

const LANGS = ["fr", "nl", "de", "en"] as const;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("API error codes in the dashboard's words", () => {
  it.each(API_ERROR_CODES.map((c) => [c]))("%s has four languages, translated, with the same placeholders", (code) => {
    const words = Object.fromEntries(LANGS.map((lang) => [lang, API_ERRORS[lang][code]])) as Record<(typeof LANGS)[number], string>;
    for (const lang of LANGS) expect(words[lang].trim().length, `${code} ${lang}`).toBeGreaterThan(3);
    for (const lang of ["fr", "nl", "de"] as const) expect(words[lang], `${code} ${lang}`).not.toBe(words.en);
    for (const lang of LANGS) expect(placeholders(words[lang]), `${code} ${lang}`).toEqual(placeholders(words.en));
  });

  it("has no word for a code the server does not send", () => {
    for (const lang of LANGS) expect(Object.keys(API_ERRORS[lang]).sort(), lang).toEqual([...API_ERROR_CODES].sort());
  });

  it("shows the code's words with their values, never the server's message", () => {
    const e = new ApiError(404, "unknown indicator 'x-y' (see /api/v1/indicators)", "unknown-indicator", { id: "x-y" });
    expect(errorText("fr", e)).toBe("Indicateur inconnu : x-y.");
    expect(errorText("nl", e)).toBe("Onbekende indicator: x-y.");
    expect(errorText("de", e)).toBe("Unbekannter Indikator: x-y.");
    expect(errorText("en", e)).toBe("Unknown indicator: x-y.");
    expect(apiErrorText("de", "too-many-logins", { minutes: 15 })).toBe("Zu viele Anmeldeversuche: Versuchen Sie es in 15 Min. erneut.");
  });

  it("falls back on the status, then on its own sentence: no English from elsewhere", () => {
    expect(errorText("nl", new ApiError(409, "some new English refusal", "a-code-from-a-newer-server"))).toBe(API_ERRORS.nl.conflict);
    expect(errorText("fr", new ApiError(502, "Bad Gateway"))).toMatch(/^Le serveur n'a pas pu répondre/);
    expect(errorText("de", new TypeError("Failed to fetch"))).toMatch(/^Der Server konnte nicht antworten/);
  });
});
