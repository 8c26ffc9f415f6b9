// The four languages of every text Boussole writes or shows, in display order: Belgium's three
// official languages, then English. The one list: definitions, releases, the API, the PDCA
// verdicts and the dashboard all import it.
export const LANGUAGES = ["fr", "nl", "de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
