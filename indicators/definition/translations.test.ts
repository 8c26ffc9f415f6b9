/**
 * The schema makes every user-facing text of a definition exist in fr, nl, de and en; this
 * checks that the three translations are translations: not the English text copied over, not a
 * placeholder or a note left for a developer, and in German not the Dutch/French abbreviation
 * of the global medical record (issue #17: "every text in the page's language").
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDefinitions } from "./load.ts";

const DEFINITIONS = fileURLToPath(new URL("../definitions", import.meta.url));
const TRANSLATED = ["fr", "nl", "de"] as const;

/**
 * English texts that may stay the same in another language, each with its reason. Keep it
 * small: only names and codes that nobody translates.
 */
const SAME_AS_ENGLISH: Record<string, string> = {
  P3CEQ: "the name of a questionnaire, the same in every language",
  PaRIS: "the OECD survey's name, the same in every language",
  "be.well.pro": "the name of the Belgian survey, the same in every language",
};

/** Words that mark an unfinished text, in any language (checked in English too). */
const PLACEHOLDERS: [RegExp, string][] = [
  [/\b(TODO|FIXME|XXX|TBD)\b/, "a TODO/FIXME marker"],
  [/lorem ipsum/i, "placeholder text"],
  [/map the real/i, 'a note to developers ("map the real …")'],
  [/il faut y mettre/i, 'a note to developers ("il faut y mettre …")'],
];

/** Abbreviations that belong to another language: German says GMA (Globale Medizinische Akte). */
const FOREIGN_TERMS: Partial<Record<(typeof TRANSLATED)[number], RegExp>> = {
  de: /\b(GMD|DMG)\b/,
};

type Texts = Record<"fr" | "nl" | "de" | "en", string>;

/** Every localised text of a definition, found by shape so that a new field is checked too. */
function localisedTexts(value: unknown, path = ""): [string, Texts][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localisedTexts(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const keys = Object.keys(value).sort().join(",");
  if (keys === "de,en,fr,nl") return [[path, value as Texts]];
  return Object.entries(value).flatMap(([k, v]) => localisedTexts(v, path ? `${path}.${k}` : k));
}

function translationProblems(id: string, definition: unknown, allowed: Record<string, string> = SAME_AS_ENGLISH): string[] {
  const problems: string[] = [];
  for (const [path, texts] of localisedTexts(definition)) {
    for (const lang of TRANSLATED) {
      if (texts[lang].trim() === texts.en.trim() && !(texts.en.trim() in allowed)) problems.push(`${id} ${path}.${lang} is the English text: ${texts.en}`);
      const foreign = FOREIGN_TERMS[lang];
      if (foreign?.test(texts[lang])) problems.push(`${id} ${path}.${lang} uses ${texts[lang].match(foreign)?.[0]}, another language's abbreviation`);
    }
    for (const lang of [...TRANSLATED, "en"] as const) {
      for (const [pattern, what] of PLACEHOLDERS) if (pattern.test(texts[lang])) problems.push(`${id} ${path}.${lang} holds ${what}: ${texts[lang]}`);
    }
  }
  return problems;
}

describe("translationProblems", () => {
  const texts = (fr: string, nl: string, de: string, en: string) => ({ fr, nl, de, en });

  it("flags a text copied from English, wherever it sits", () => {
    const def = { id: "x", source: texts("Source.", "Bron.", "IMA-AIM population file.", "IMA-AIM population file."), targets: [{ value: 1, label: texts("a", "Goal", "b", "Goal") }] };
    expect(translationProblems("x", def)).toEqual(["x source.de is the English text: IMA-AIM population file.", "x targets[0].label.nl is the English text: Goal"]);
  });

  it("lets an allow-listed name stay the same", () => {
    expect(translationProblems("x", { title: texts("P3CEQ", "P3CEQ", "P3CEQ", "P3CEQ") })).toEqual([]);
    expect(translationProblems("x", { title: texts("P3CEQ", "P3CEQ", "P3CEQ", "P3CEQ") }, {})).toHaveLength(3);
  });

  it("flags placeholders and developer notes, in English too", () => {
    const problems = translationProblems("x", {
      source: texts("Fichiers ; il faut y mettre les vrais codes INAMI.", "TODO", "Dateien.", "Files; map the real INAMI codes here."),
    });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/source\.fr holds a note to developers/);
    expect(problems.join("\n")).toMatch(/source\.nl holds a TODO/);
    expect(problems.join("\n")).toMatch(/source\.en holds a note to developers/);
  });

  it("flags the Dutch abbreviation GMD in German", () => {
    expect(translationProblems("x", { title: texts("DMG", "GMD", "Abdeckung (GMD)", "GMD coverage") })).toEqual(["x title.de uses GMD, another language's abbreviation"]);
  });
});

describe("the shipped definitions", () => {
  const { definitions, problems } = loadDefinitions(DEFINITIONS);

  it("load", () => {
    expect(problems).toEqual([]);
    expect(definitions.length).toBeGreaterThan(0);
  });

  it("are translated: no English copied over, no placeholder, no foreign abbreviation", () => {
    expect(definitions.flatMap((d) => translationProblems(d.id, d))).toEqual([]);
  });

  it("give every definition text in the four languages (the fields a reader sees)", () => {
    const paths = new Set(definitions.flatMap((d) => localisedTexts(d).map(([p]) => p.replace(/\[\d+\]/g, "[]"))));
    for (const field of ["title", "short-description", "definition", "rationale", "numerator-text", "denominator-text", "source"]) expect(paths).toContain(field);
    expect(paths).toContain("targets[].label");
  });
});
