/**
 * A definition told in words, for `indicators explain` and the dashboard's "about this
 * indicator": who is in the denominator, what the numerator counts, the statistic, its unit,
 * polarity and breakdowns. Built from the structured fields, not from the analyst's prose,
 * so that it always says what will actually be computed.
 */
import { ageBandLabelsOf, hasCustomAgeBands } from "./age-bands.ts";
import { WORDS } from "./describe-words.ts";
import { statisticOf } from "../statistics/index.ts";
import type { Words } from "./describe-words.ts";
import type { Definition, Numerator, Population } from "./schema.ts";
import { MAX_AGE } from "./vocabulary.ts";
import type { Language } from "./vocabulary.ts";

export function describeDefinition(def: Definition, lang: Language = "en"): string {
  const w = WORDS[lang];
  // Every text is required in the four languages (schema.ts): no fallback to English.
  const text = (t: Record<Language, string> | undefined): string | undefined => t?.[lang];
  const lines = [`${def.title[lang]} (${def.id}, v${def.version})`, `${w.aim[def.aim]} · ${w.type[def.type]}`, def["short-description"][lang], ""];

  if (def.sql !== undefined) lines.push(`${w.label.query}${w.colon}${w.sql}.`);
  else if (def["zone-value"]) {
    const z = def["zone-value"];
    lines.push(`${w.label.zoneValue}${w.colon}${w.zone({ ...z, perPopulation: z["per-population"] === true })}.`);
  } else if (def["ratio-of"]) lines.push(`${w.label.ratio}${w.colon}${w.ratioOf(def["ratio-of"].numerator, def["ratio-of"].denominator)}.`);
  else {
    if (def.population) lines.push(`${w.label.denominator}${w.colon}${denominator(def.population, w)}.`);
    if (def.numerator) lines.push(`${w.label.numerator}${w.colon}${numerator(def.numerator, w)}.`);
  }

  // The statistic's words are its spec's (indicators/statistics/).
  const statistic = statisticOf(def.statistic);
  const standard = statistic.standard ? ` (${w.standard[def.standard ?? "belgium"]})` : "";
  lines.push(`${w.label.statistic}${w.colon}${statistic.words[lang]}${standard}; ${w.unit[def.unit]}.`);
  lines.push(`${w.label.polarity}${w.colon}${w.polarity[def.polarity]}.`);
  // A definition's own age bands are listed: "age band (65–74, 75–84, 85+)".
  const bands = hasCustomAgeBands(def)
    ? ` (${ageBandLabelsOf(def)
        .map((b) => b.replace("-", "–"))
        .join(", ")})`
    : "";
  const strata = def.strata.length > 0 ? def.strata.map((s) => `${w.stratum[s]}${s === "age-band" ? bands : ""}`).join(", ") : w.noStrata;
  lines.push(`${w.label.strata}${w.colon}${strata}; ${w.suppressed(def["minimum-count"])}.`);
  if (def["sub-annual"]) lines.push(`${w.label.periods}${w.colon}${w.subAnnual[def["sub-annual"]]}.`);
  if (def.targets) lines.push(`${w.label.targets}${w.colon}${def.targets.map((t) => `${t.value} ${w.unit[def.unit]} (${text(t.label)})`).join("; ")}.`);
  lines.push(`${w.label.source}${w.colon}${text(def.source)}`);
  const caveats = text(def.caveats);
  if (caveats) lines.push(`${w.label.caveats}${w.colon}${caveats}`);
  const methods = text(def.methods);
  if (methods) lines.push(`${w.label.methods}${w.colon}${methods}`);
  return lines.join("\n");
}

function join(items: readonly string[], word: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
}

function denominator(p: Population, w: Words): string {
  const parts: string[] = [];
  if (p.sex) parts.push(w.sex[p.sex]);
  if (p.age) parts.push(`${w.age(p.age[0], p.age[1] === MAX_AGE ? undefined : p.age[1])} (${w.ageNote})`);
  for (const field of ["bim", "gmd", "chronic"] as const) {
    const value = p[field];
    if (value !== undefined) parts.push(w.flag[field][value ? 0 : 1]);
  }
  if (p["alive-on-31-december"]) parts.push(w.alive);
  return [w.insured, ...parts].join(", ");
}

function numerator(n: Numerator, w: Words): string {
  switch (n.kind) {
    case "events": {
      const min = n["min-events"] ?? 1;
      const [one, many] = w.source[n.source];
      const head = n.count === "events" ? w.events(many) : w.persons(min, min === 1 ? one : many);
      const codes = (["nomenclature", "atc", "icd10"] as const).flatMap((list) => {
        const values = n.codes?.[list];
        return values ? [w.codes[list](join(values, w.or))] : [];
      });
      const f = n.filters ?? {};
      const filters = [
        ...(f.setting ? [`${w.setting}: ${f.setting.join(", ")}`] : []),
        ...(f["provider-category"] ? [`${w.provider}: ${f["provider-category"].join(", ")}`] : []),
        ...(f["stay-type"] ? [w.stayType[f["stay-type"]]] : []),
        ...(f.emergency !== undefined ? [w.emergency[f.emergency ? 0 : 1]] : []),
      ];
      return `${[head, ...codes].join(" ")}${filters.length > 0 ? ` (${filters.join("; ")})` : ""}, ${w.window(n["window-years"])}`;
    }
    case "medicines": {
      const atc = n.atc ? join(n.atc, w.or) : undefined;
      return n["cheaper-share"] ? w.cheaper(atc) : w.medicines(n["min-distinct"] ?? 1, n["min-ddd-per-medicine"], atc);
    }
    case "status":
      return w.status(w.flag[n.field][0]);
    case "deaths":
      return w.deaths(n["max-age"]);
    case "spending":
      return w.spending(
        join(
          n.sources.map((s) => w.source[s][1]),
          w.and,
        ),
      );
    case "readmissions":
      return w.readmissions(n["within-days"]);
  }
}
