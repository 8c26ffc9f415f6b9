// A verdict in plain words, in the dashboard's four languages. Every message key of verdict.ts
// has a sentence here (the tests check it). Pure.
import type { Verdict } from "./verdict.ts";
import type { Language } from "../../core/languages.ts";
import { periodLabel, type Granularity } from "../../core/periods.ts";

export { LANGUAGES, type Language } from "../../core/languages.ts";
export type Texts = Record<Language, string>;
/** `since`: a year, or a period's label in the message's language; `granularity`: year when absent. */
type Params = { since: number | string | null; points: number; minimum: number; actionsStart: number | null; baselinePoints: number | null; screenedMovingRanges: number; granularity?: Granularity };
type Template = (p: Params) => string;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
/** A word by the kind of point: [year, quarter, month]. */
const ofKind = <T>(p: Params, words: [T, T, T]): T => words[p.granularity === "quarter" ? 1 : p.granularity === "month" ? 2 : 0];
/** The same, singular or plural: each [one, many]. */
const byKind = (p: Params, n: number, words: [[string, string], [string, string], [string, string]]) => plural(n, ...ofKind(p, words));

export const MESSAGES: Record<string, Record<Language, Template>> = {
  "spc.verdict.improvement": {
    fr: (p) => `Signal d'amélioration depuis ${p.since}`,
    nl: (p) => `Signaal van verbetering sinds ${p.since}`,
    de: (p) => `Verbesserungssignal seit ${p.since}`,
    en: (p) => `Improvement signal since ${p.since}`,
  },
  "spc.verdict.concern": {
    fr: (p) => `Signal préoccupant depuis ${p.since}`,
    nl: (p) => `Zorgwekkend signaal sinds ${p.since}`,
    de: (p) => `Warnsignal seit ${p.since}`,
    en: (p) => `Concern signal since ${p.since}`,
  },
  "spc.verdict.neither": {
    fr: (p) => `Variation inhabituelle depuis ${p.since}, ni amélioration ni dégradation`,
    nl: (p) => `Ongewone variatie sinds ${p.since}, verbetering noch verslechtering`,
    de: (p) => `Ungewöhnliche Variation seit ${p.since}, weder Verbesserung noch Verschlechterung`,
    en: (p) => `Unusual variation since ${p.since}, neither improvement nor concern`,
  },
  "spc.verdict.no-signal": {
    fr: () => "Pas encore de signal : variation ordinaire uniquement",
    nl: () => "Nog geen signaal: alleen gewone variatie",
    de: () => "Noch kein Signal: nur gewöhnliche Variation",
    en: () => "No signal yet: common-cause variation only",
  },
  "spc.verdict.not-enough-data.too-few-points": {
    fr: (p) => `Données insuffisantes : ${p.points} ${byKind(p, p.points, [["année publiée", "années publiées"], ["trimestre publié", "trimestres publiés"], ["mois publié", "mois publiés"]])}, il en faut au moins ${p.minimum}`,
    nl: (p) => `Onvoldoende gegevens: ${p.points} gepubliceerde ${byKind(p, p.points, [["jaar", "jaren"], ["kwartaal", "kwartalen"], ["maand", "maanden"]])}, minstens ${p.minimum} nodig`,
    de: (p) => `Zu wenige Daten: ${p.points} ${byKind(p, p.points, [["veröffentlichtes Jahr", "veröffentlichte Jahre"], ["veröffentlichtes Quartal", "veröffentlichte Quartale"], ["veröffentlichter Monat", "veröffentlichte Monate"]])}, mindestens ${p.minimum} nötig`,
    en: (p) => `Not enough data: ${p.points} published ${byKind(p, p.points, [["year", "years"], ["quarter", "quarters"], ["month", "months"]])}, at least ${p.minimum} needed`,
  },
  "spc.verdict.not-enough-data.no-baseline": {
    fr: (p) => `Données insuffisantes : trop ${ofKind(p, ["d'années masquées", "de trimestres masqués", "de mois masqués"])} pour calculer des limites`,
    nl: (p) => `Onvoldoende gegevens: te veel verborgen ${ofKind(p, ["jaren", "kwartalen", "maanden"])} om grenzen te berekenen`,
    de: (p) => `Zu wenige Daten: zu viele verborgene ${ofKind(p, ["Jahre", "Quartale", "Monate"])}, um Grenzen zu berechnen`,
    en: (p) => `Not enough data: too many hidden ${ofKind(p, ["years", "quarters", "months"])} to compute limits`,
  },
  "spc.verdict.not-enough-data.no-variation": {
    fr: (p) => `Pas de limites : ${ofKind(p, ["les années de référence ont toutes", "les trimestres de référence ont tous", "les mois de référence ont tous"])} la même valeur`,
    nl: (p) => `Geen grenzen: de ${ofKind(p, ["referentiejaren", "referentiekwartalen", "referentiemaanden"])} hebben allemaal dezelfde waarde`,
    de: (p) => `Keine Grenzen: die ${ofKind(p, ["Referenzjahre", "Referenzquartale", "Referenzmonate"])} haben alle denselben Wert`,
    en: (p) => `No limits: the baseline ${ofKind(p, ["years", "quarters", "months"])} all have the same value`,
  },
  "spc.verdict.not-enough-data.no-points-after-actions": {
    fr: (p) => `Pas encore de données : ${ofKind(p, ["aucune année publiée", "aucun trimestre publié", "aucun mois publié"])} depuis le début des actions (${p.actionsStart})`,
    nl: (p) => `Nog geen gegevens: geen ${ofKind(p, ["gepubliceerd jaar", "gepubliceerd kwartaal", "gepubliceerde maand"])} sinds de start van de acties (${p.actionsStart})`,
    de: (p) => `Noch keine Daten: ${ofKind(p, ["kein veröffentlichtes Jahr", "kein veröffentlichtes Quartal", "kein veröffentlichter Monat"])} seit Beginn der Maßnahmen (${p.actionsStart})`,
    en: (p) => `No data yet: no published ${ofKind(p, ["year", "quarter", "month"])} since the actions started (${p.actionsStart})`,
  },
  "spc.assurance.consistently-passes": {
    fr: () => "La cible est atteinte de façon constante (les limites sont entièrement du bon côté)",
    nl: () => "Het doel wordt consequent gehaald (de grenzen liggen volledig aan de goede kant)",
    de: () => "Das Ziel wird durchgehend erreicht (die Grenzen liegen ganz auf der guten Seite)",
    en: () => "The target is consistently met (the limits are entirely on the good side)",
  },
  "spc.assurance.consistently-fails": {
    fr: () => "La cible est manquée de façon constante : sans changement, le processus ne l'atteindra pas",
    nl: () => "Het doel wordt consequent gemist: zonder verandering haalt het proces het niet",
    de: () => "Das Ziel wird durchgehend verfehlt: ohne Änderung erreicht der Prozess es nicht",
    en: () => "The target is consistently missed: without a change the process will not reach it",
  },
  "spc.assurance.inconsistent": {
    fr: () => "La cible est tantôt atteinte, tantôt manquée (aléatoire)",
    nl: () => "Het doel wordt nu eens gehaald, dan weer gemist (wisselvallig)",
    de: () => "Das Ziel wird mal erreicht, mal verfehlt (wechselhaft)",
    en: () => "The target is sometimes met and sometimes missed (hit and miss)",
  },
  "spc.caveat.provisional-limits": {
    fr: (p) => `Limites calculées sur ${p.baselinePoints} ${ofKind(p, ["années", "trimestres", "mois"])} seulement (15 à 20 points recommandés) : à lire comme provisoires`,
    nl: (p) => `Grenzen berekend op slechts ${p.baselinePoints} ${ofKind(p, ["jaren", "kwartalen", "maanden"])} (15 à 20 punten aanbevolen): voorlopig`,
    de: (p) => `Grenzen aus nur ${p.baselinePoints} ${ofKind(p, ["Jahren", "Quartalen", "Monaten"])} berechnet (15 bis 20 Punkte empfohlen): vorläufig`,
    en: (p) => `Limits from only ${p.baselinePoints} ${ofKind(p, ["years", "quarters", "months"])} (15 to 20 points recommended): read them as provisional`,
  },
  "spc.caveat.runs-impossible": {
    fr: () => "Série trop courte pour les règles de déplacement et de tendance (7 points)",
    nl: () => "Reeks te kort voor de regels van verschuiving en trend (7 punten)",
    de: () => "Reihe zu kurz für die Regeln zu Verschiebung und Trend (7 Punkte)",
    en: () => "Series too short for the shift and trend rules (7 points)",
  },
  "spc.caveat.baseline-includes-actions": {
    fr: (p) => `Trop peu ${ofKind(p, ["d'années", "de trimestres", "de mois"])} avant les actions : la période de référence inclut ${ofKind(p, ["des années", "des trimestres", "des mois"])} d'action`,
    nl: (p) => `Te weinig ${ofKind(p, ["jaren", "kwartalen", "maanden"])} vóór de acties: de referentieperiode bevat ${ofKind(p, ["actiejaren", "actiekwartalen", "actiemaanden"])}`,
    de: (p) => `Zu wenige ${ofKind(p, ["Jahre", "Quartale", "Monate"])} vor den Maßnahmen: der Referenzzeitraum enthält ${ofKind(p, ["Maßnahmenjahre", "Maßnahmenquartale", "Maßnahmenmonate"])}`,
    en: (p) => `Too few ${ofKind(p, ["years", "quarters", "months"])} before the actions: the baseline includes ${ofKind(p, ["years", "quarters", "months"])} of action`,
  },
  "spc.caveat.screened-moving-ranges": {
    fr: (p) => `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "écart exceptionnel", "écarts exceptionnels")} entre ${ofKind(p, ["années consécutives", "trimestres consécutifs", "mois consécutifs"])} ${plural(p.screenedMovingRanges, "écarté", "écartés")} du calcul des limites (plus de 3,267 fois l'écart moyen)`,
    nl: (p) => `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "uitzonderlijk verschil", "uitzonderlijke verschillen")} tussen opeenvolgende ${ofKind(p, ["jaren", "kwartalen", "maanden"])} niet meegeteld voor de grenzen (meer dan 3,267 keer het gemiddelde verschil)`,
    de: (p) => `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "außergewöhnlicher Unterschied", "außergewöhnliche Unterschiede")} zwischen aufeinanderfolgenden ${ofKind(p, ["Jahren", "Quartalen", "Monaten"])} bei den Grenzen nicht berücksichtigt (mehr als das 3,267-Fache des mittleren Unterschieds)`,
    en: (p) => `${p.screenedMovingRanges} exceptional ${plural(p.screenedMovingRanges, "change", "changes")} between consecutive ${ofKind(p, ["years", "quarters", "months"])} left out of the limits (more than 3.267 times the average change)`,
  },
  "spc.points.year": {
    fr: (p) => `${p.points} ${plural(p.points, "point annuel", "points annuels")}`,
    nl: (p) => `${p.points} ${plural(p.points, "jaarpunt", "jaarpunten")}`,
    de: (p) => `${p.points} ${plural(p.points, "Jahreswert", "Jahreswerte")}`,
    en: (p) => `${p.points} yearly ${plural(p.points, "point", "points")}`,
  },
  "spc.points.quarter": {
    fr: (p) => `${p.points} ${plural(p.points, "point trimestriel", "points trimestriels")}`,
    nl: (p) => `${p.points} ${plural(p.points, "kwartaalpunt", "kwartaalpunten")}`,
    de: (p) => `${p.points} ${plural(p.points, "Quartalswert", "Quartalswerte")}`,
    en: (p) => `${p.points} quarterly ${plural(p.points, "point", "points")}`,
  },
  "spc.points.month": {
    fr: (p) => `${p.points} ${plural(p.points, "point mensuel", "points mensuels")}`,
    nl: (p) => `${p.points} ${plural(p.points, "maandpunt", "maandpunten")}`,
    de: (p) => `${p.points} ${plural(p.points, "Monatswert", "Monatswerte")}`,
    en: (p) => `${p.points} monthly ${plural(p.points, "point", "points")}`,
  },
};

/** The words of `key` in each language; a period in `sincePeriod` is named the language's way ("T2 2023", "K2 2023"). */
function texts(key: string, params: Params, sincePeriod: string | null = null): Texts {
  const template = MESSAGES[key];
  if (!template) throw new Error(`no message for ${key}`);
  const at = (lang: Language): Params => (sincePeriod === null ? params : { ...params, since: periodLabel(sincePeriod, lang) });
  return { fr: template.fr(at("fr")), nl: template.nl(at("nl")), de: template.de(at("de")), en: template.en(at("en")) };
}

export interface VerdictWords {
  verdict: Texts;
  /** How many published points, of what kind: "20 quarterly points". */
  points: Texts;
  assurance: Texts | null;
  caveats: Texts[];
}

/** The verdict, its assurance and caveats as sentences in fr, nl, de and en. */
export function verdictWords(v: Verdict): VerdictWords {
  const params: Params = { since: v.since, points: v.points, minimum: v.minimum, actionsStart: v.actionsStart, baselinePoints: v.baselinePoints, screenedMovingRanges: v.screenedMovingRanges, granularity: v.granularity };
  return {
    verdict: texts(v.messageKey, params, v.sincePeriod),
    points: texts(v.pointsKey, params),
    assurance: v.assuranceKey ? texts(v.assuranceKey, params) : null,
    caveats: v.caveatKeys.map((k) => texts(k, params)),
  };
}
