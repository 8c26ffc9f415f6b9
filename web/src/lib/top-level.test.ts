// The interface names the release's top level for what it covers: a Flanders-only release never
// makes the dashboard say Belgium, in any language (issue 13).
import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "./i18n/en.ts";
import { setTopLevelNames, t } from "./i18n/index.ts";
import { LANGS, type Lang } from "./route.ts";

const every = (lang: Lang) => (Object.keys(en) as MessageKey[]).map((key) => [key, t(lang, key)] as const);

describe("the top level in the interface's words", () => {
  it("says Belgium for a release covering Belgium (the default)", () => {
    expect(LANGS.map((l) => t(l, "app.tagline"))).toEqual([
      "La santé de la population par zone de soins : Belgique",
      "De gezondheid van de bevolking per zorgzone: België",
      "Die Gesundheit der Bevölkerung nach Versorgungszone: Belgien",
      "Population health by care zone: Belgium",
    ]);
  });

  it("never says Belgium once the release names its top level Flemish Region", () => {
    setTopLevelNames({ fr: "Région flamande", nl: "Vlaams Gewest", de: "Flämische Region", en: "Flemish Region" });
    for (const lang of LANGS) {
      const saying = every(lang).filter(([, text]) => /Belgi|Belge/.test(text));
      expect([lang, saying]).toEqual([lang, []]);
    }
    expect(t("nl", "app.tagline")).toBe("De gezondheid van de bevolking per zorgzone: Vlaams Gewest");
  });
});
