// The four languages of every text Boussole writes or shows, in display order: Belgium's three
// official languages, then English. The one list: definitions, releases, the API, the PDCA
// verdicts and the dashboard all import it.
export const LANGUAGES = ["fr", "nl", "de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(s: string | undefined): s is Language {
  return (LANGUAGES as readonly string[]).includes(s ?? "");
}

/** The first of a reader's languages (BCP 47 tags, preferred first) that is ours; English otherwise. */
export function preferredLanguage(languages: readonly string[]): Language {
  for (const l of languages) {
    const base = l.toLowerCase().slice(0, 2);
    if (isLanguage(base)) return base;
  }
  return "en";
}
