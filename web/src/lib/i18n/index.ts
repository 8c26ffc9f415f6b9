// t(lang, key, params): every string of the interface in fr, nl, de and en. Pure.
import type { Lang } from "../route.ts";
import { de } from "./de.ts";
import { en, type MessageKey, type Messages } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";

export type { MessageKey };
export const MESSAGES: Record<Lang, Messages> = { fr, nl, de, en };

/**
 * The release's top level, named for what its data covers ("Flemish Region" for a Flanders-only
 * release): `{top}` in a message. Set once at start-up from the release, before anything renders.
 */
let top: Record<Lang, string> = { fr: "Belgique", nl: "België", de: "Belgien", en: "Belgium" };
export function setTopLevelNames(names: Record<Lang, string>): void {
  top = names;
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[lang][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : name === "top" ? top[lang] : m));
}

/** Keys built at run time (e.g. "cmp." + a comparison) checked against the dictionary. */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
export function tk(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  return isMessageKey(key) ? t(lang, key, params) : key;
}

/** Texts of the release (names, metadata) come in the four languages; English when one is missing. */
export function pick(texts: Partial<Record<Lang, string>> | null | undefined, lang: Lang): string {
  return texts?.[lang] || texts?.en || texts?.fr || "";
}
