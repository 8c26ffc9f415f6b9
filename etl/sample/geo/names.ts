/**
 * Invented place names: two syllables in the region's language plus "-" and the
 * municipality's 3-digit serial, so no name can be mistaken for a real one.
 */
import type { Random } from "../random.ts";

export type NameStyle = "nl" | "fr" | "de";

const SYLLABLES: Record<NameStyle, { heads: readonly string[]; tails: readonly string[] }> = {
  nl: {
    heads: ["Mar", "Ber", "Wes", "Hoog", "Lan", "Oos", "Zand", "Kort", "Ste", "Vel", "Ach", "Eke", "Wil", "Rum", "Hel", "Bor", "Dun", "Ged", "Lie", "Mol", "Hane", "Kes", "Ooi", "Ter", "Wou", "Sle"],
    tails: ["velde", "beke", "gem", "hout", "donk", "rode", "dorp", "kerke", "zele", "hove", "meer", "laar", "broek", "dijk", "lo", "akker", "hem", "sel", "tegem", "brugge", "aken", "straten"],
  },
  fr: {
    heads: ["Fonta", "Beau", "Mont", "Roche", "Ville", "Cour", "Sart", "Bois", "Val", "Ham", "Lou", "Cha", "Mar", "Sain", "Fleu", "Thi", "Gem", "Ber", "Flo", "Ros", "Ver", "Ave", "Hou", "Ligne"],
    tails: ["val", "mont", "court", "ville", "fontaine", "sart", "rieux", "chain", "roux", "lez", "mes", "bais", "ton", "gnies", "elle", "ré", "champs", "rupt", "fays", "ry"],
  },
  de: {
    heads: ["Fiktiv", "Wald", "Berg", "Eich", "Linden", "Roth", "Hohen", "Kalt", "Stein", "Weiss", "Moor", "Birken"],
    tails: ["bach", "feld", "rath", "heim", "born", "dorf", "hausen", "kirchen", "scheid", "weiler"],
  },
};

/** Draws names that are unique across all styles it has produced. */
export class NameMaker {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  make(style: NameStyle, serial: string): string {
    const { heads, tails } = SYLLABLES[style];
    for (;;) {
      const name = `${this.rng.pick(heads)}${this.rng.pick(tails)}-${serial}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}
