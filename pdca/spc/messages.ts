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

/** Every message key a verdict can carry (verdict.ts), in the order of the catalogues. */
export const MESSAGE_KEYS = [
  "spc.verdict.improvement",
  "spc.verdict.concern",
  "spc.verdict.neither",
  "spc.verdict.no-signal",
  "spc.verdict.not-enough-data.too-few-points",
  "spc.verdict.not-enough-data.no-baseline",
  "spc.verdict.not-enough-data.no-variation",
  "spc.verdict.not-enough-data.no-points-after-actions",
  "spc.assurance.consistently-passes",
  "spc.assurance.consistently-fails",
  "spc.assurance.inconsistent",
  "spc.caveat.provisional-limits",
  "spc.caveat.runs-impossible",
  "spc.caveat.baseline-includes-actions",
  "spc.caveat.screened-moving-ranges",
  "spc.points.year",
  "spc.points.quarter",
  "spc.points.month",
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
/** One language's messages: the same shape as the dashboard's catalogues (web/src/lib/i18n/), language first. */
export type Catalogue = Record<MessageKey, Template>;

const fr: Catalogue = {
  "spc.verdict.improvement": (p) => `Signal d'amélioration depuis ${p.since}`,
  "spc.verdict.concern": (p) => `Signal préoccupant depuis ${p.since}`,
  "spc.verdict.neither": (p) => `Variation inhabituelle depuis ${p.since}, ni amélioration ni dégradation`,
  "spc.verdict.no-signal": () => "Pas encore de signal : variation ordinaire uniquement",
  "spc.verdict.not-enough-data.too-few-points": (p) =>
    `Données insuffisantes : ${p.points} ${byKind(p, p.points, [
      ["année publiée", "années publiées"],
      ["trimestre publié", "trimestres publiés"],
      ["mois publié", "mois publiés"],
    ])}, il en faut au moins ${p.minimum}`,
  "spc.verdict.not-enough-data.no-baseline": (p) => `Données insuffisantes : trop ${ofKind(p, ["d'années masquées", "de trimestres masqués", "de mois masqués"])} pour calculer des limites`,
  "spc.verdict.not-enough-data.no-variation": (p) =>
    `Pas de limites : ${ofKind(p, ["les années de référence ont toutes", "les trimestres de référence ont tous", "les mois de référence ont tous"])} la même valeur`,
  "spc.verdict.not-enough-data.no-points-after-actions": (p) =>
    `Pas encore de données : ${ofKind(p, ["aucune année publiée", "aucun trimestre publié", "aucun mois publié"])} depuis le début des actions (${p.actionsStart})`,
  "spc.assurance.consistently-passes": () => "La cible est atteinte de façon constante (les limites sont entièrement du bon côté)",
  "spc.assurance.consistently-fails": () => "La cible est manquée de façon constante : sans changement, le processus ne l'atteindra pas",
  "spc.assurance.inconsistent": () => "La cible est tantôt atteinte, tantôt manquée (aléatoire)",
  "spc.caveat.provisional-limits": (p) => `Limites calculées sur ${p.baselinePoints} ${ofKind(p, ["années", "trimestres", "mois"])} seulement (15 à 20 points recommandés) : à lire comme provisoires`,
  "spc.caveat.runs-impossible": () => "Série trop courte pour les règles de déplacement et de tendance (7 points)",
  "spc.caveat.baseline-includes-actions": (p) =>
    `Trop peu ${ofKind(p, ["d'années", "de trimestres", "de mois"])} avant les actions : la période de référence inclut ${ofKind(p, ["des années", "des trimestres", "des mois"])} d'action`,
  "spc.caveat.screened-moving-ranges": (p) =>
    `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "écart exceptionnel", "écarts exceptionnels")} entre ${ofKind(p, ["années consécutives", "trimestres consécutifs", "mois consécutifs"])} ${plural(p.screenedMovingRanges, "écarté", "écartés")} du calcul des limites (plus de 3,267 fois l'écart moyen)`,
  "spc.points.year": (p) => `${p.points} ${plural(p.points, "point annuel", "points annuels")}`,
  "spc.points.quarter": (p) => `${p.points} ${plural(p.points, "point trimestriel", "points trimestriels")}`,
  "spc.points.month": (p) => `${p.points} ${plural(p.points, "point mensuel", "points mensuels")}`,
};

const nl: Catalogue = {
  "spc.verdict.improvement": (p) => `Signaal van verbetering sinds ${p.since}`,
  "spc.verdict.concern": (p) => `Zorgwekkend signaal sinds ${p.since}`,
  "spc.verdict.neither": (p) => `Ongewone variatie sinds ${p.since}, verbetering noch verslechtering`,
  "spc.verdict.no-signal": () => "Nog geen signaal: alleen gewone variatie",
  "spc.verdict.not-enough-data.too-few-points": (p) =>
    `Onvoldoende gegevens: ${p.points} gepubliceerde ${byKind(p, p.points, [
      ["jaar", "jaren"],
      ["kwartaal", "kwartalen"],
      ["maand", "maanden"],
    ])}, minstens ${p.minimum} nodig`,
  "spc.verdict.not-enough-data.no-baseline": (p) => `Onvoldoende gegevens: te veel verborgen ${ofKind(p, ["jaren", "kwartalen", "maanden"])} om grenzen te berekenen`,
  "spc.verdict.not-enough-data.no-variation": (p) => `Geen grenzen: de ${ofKind(p, ["referentiejaren", "referentiekwartalen", "referentiemaanden"])} hebben allemaal dezelfde waarde`,
  "spc.verdict.not-enough-data.no-points-after-actions": (p) =>
    `Nog geen gegevens: geen ${ofKind(p, ["gepubliceerd jaar", "gepubliceerd kwartaal", "gepubliceerde maand"])} sinds de start van de acties (${p.actionsStart})`,
  "spc.assurance.consistently-passes": () => "Het doel wordt consequent gehaald (de grenzen liggen volledig aan de goede kant)",
  "spc.assurance.consistently-fails": () => "Het doel wordt consequent gemist: zonder verandering haalt het proces het niet",
  "spc.assurance.inconsistent": () => "Het doel wordt nu eens gehaald, dan weer gemist (wisselvallig)",
  "spc.caveat.provisional-limits": (p) => `Grenzen berekend op slechts ${p.baselinePoints} ${ofKind(p, ["jaren", "kwartalen", "maanden"])} (15 à 20 punten aanbevolen): voorlopig`,
  "spc.caveat.runs-impossible": () => "Reeks te kort voor de regels van verschuiving en trend (7 punten)",
  "spc.caveat.baseline-includes-actions": (p) =>
    `Te weinig ${ofKind(p, ["jaren", "kwartalen", "maanden"])} vóór de acties: de referentieperiode bevat ${ofKind(p, ["actiejaren", "actiekwartalen", "actiemaanden"])}`,
  "spc.caveat.screened-moving-ranges": (p) =>
    `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "uitzonderlijk verschil", "uitzonderlijke verschillen")} tussen opeenvolgende ${ofKind(p, ["jaren", "kwartalen", "maanden"])} niet meegeteld voor de grenzen (meer dan 3,267 keer het gemiddelde verschil)`,
  "spc.points.year": (p) => `${p.points} ${plural(p.points, "jaarpunt", "jaarpunten")}`,
  "spc.points.quarter": (p) => `${p.points} ${plural(p.points, "kwartaalpunt", "kwartaalpunten")}`,
  "spc.points.month": (p) => `${p.points} ${plural(p.points, "maandpunt", "maandpunten")}`,
};

const de: Catalogue = {
  "spc.verdict.improvement": (p) => `Verbesserungssignal seit ${p.since}`,
  "spc.verdict.concern": (p) => `Warnsignal seit ${p.since}`,
  "spc.verdict.neither": (p) => `Ungewöhnliche Variation seit ${p.since}, weder Verbesserung noch Verschlechterung`,
  "spc.verdict.no-signal": () => "Noch kein Signal: nur gewöhnliche Variation",
  "spc.verdict.not-enough-data.too-few-points": (p) =>
    `Zu wenige Daten: ${p.points} ${byKind(p, p.points, [
      ["veröffentlichtes Jahr", "veröffentlichte Jahre"],
      ["veröffentlichtes Quartal", "veröffentlichte Quartale"],
      ["veröffentlichter Monat", "veröffentlichte Monate"],
    ])}, mindestens ${p.minimum} nötig`,
  "spc.verdict.not-enough-data.no-baseline": (p) => `Zu wenige Daten: zu viele verborgene ${ofKind(p, ["Jahre", "Quartale", "Monate"])}, um Grenzen zu berechnen`,
  "spc.verdict.not-enough-data.no-variation": (p) => `Keine Grenzen: die ${ofKind(p, ["Referenzjahre", "Referenzquartale", "Referenzmonate"])} haben alle denselben Wert`,
  "spc.verdict.not-enough-data.no-points-after-actions": (p) =>
    `Noch keine Daten: ${ofKind(p, ["kein veröffentlichtes Jahr", "kein veröffentlichtes Quartal", "kein veröffentlichter Monat"])} seit Beginn der Maßnahmen (${p.actionsStart})`,
  "spc.assurance.consistently-passes": () => "Das Ziel wird durchgehend erreicht (die Grenzen liegen ganz auf der guten Seite)",
  "spc.assurance.consistently-fails": () => "Das Ziel wird durchgehend verfehlt: ohne Änderung erreicht der Prozess es nicht",
  "spc.assurance.inconsistent": () => "Das Ziel wird mal erreicht, mal verfehlt (wechselhaft)",
  "spc.caveat.provisional-limits": (p) => `Grenzen aus nur ${p.baselinePoints} ${ofKind(p, ["Jahren", "Quartalen", "Monaten"])} berechnet (15 bis 20 Punkte empfohlen): vorläufig`,
  "spc.caveat.runs-impossible": () => "Reihe zu kurz für die Regeln zu Verschiebung und Trend (7 Punkte)",
  "spc.caveat.baseline-includes-actions": (p) =>
    `Zu wenige ${ofKind(p, ["Jahre", "Quartale", "Monate"])} vor den Maßnahmen: der Referenzzeitraum enthält ${ofKind(p, ["Maßnahmenjahre", "Maßnahmenquartale", "Maßnahmenmonate"])}`,
  "spc.caveat.screened-moving-ranges": (p) =>
    `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "außergewöhnlicher Unterschied", "außergewöhnliche Unterschiede")} zwischen aufeinanderfolgenden ${ofKind(p, ["Jahren", "Quartalen", "Monaten"])} bei den Grenzen nicht berücksichtigt (mehr als das 3,267-Fache des mittleren Unterschieds)`,
  "spc.points.year": (p) => `${p.points} ${plural(p.points, "Jahreswert", "Jahreswerte")}`,
  "spc.points.quarter": (p) => `${p.points} ${plural(p.points, "Quartalswert", "Quartalswerte")}`,
  "spc.points.month": (p) => `${p.points} ${plural(p.points, "Monatswert", "Monatswerte")}`,
};

const en: Catalogue = {
  "spc.verdict.improvement": (p) => `Improvement signal since ${p.since}`,
  "spc.verdict.concern": (p) => `Concern signal since ${p.since}`,
  "spc.verdict.neither": (p) => `Unusual variation since ${p.since}, neither improvement nor concern`,
  "spc.verdict.no-signal": () => "No signal yet: common-cause variation only",
  "spc.verdict.not-enough-data.too-few-points": (p) =>
    `Not enough data: ${p.points} published ${byKind(p, p.points, [
      ["year", "years"],
      ["quarter", "quarters"],
      ["month", "months"],
    ])}, at least ${p.minimum} needed`,
  "spc.verdict.not-enough-data.no-baseline": (p) => `Not enough data: too many hidden ${ofKind(p, ["years", "quarters", "months"])} to compute limits`,
  "spc.verdict.not-enough-data.no-variation": (p) => `No limits: the baseline ${ofKind(p, ["years", "quarters", "months"])} all have the same value`,
  "spc.verdict.not-enough-data.no-points-after-actions": (p) => `No data yet: no published ${ofKind(p, ["year", "quarter", "month"])} since the actions started (${p.actionsStart})`,
  "spc.assurance.consistently-passes": () => "The target is consistently met (the limits are entirely on the good side)",
  "spc.assurance.consistently-fails": () => "The target is consistently missed: without a change the process will not reach it",
  "spc.assurance.inconsistent": () => "The target is sometimes met and sometimes missed (hit and miss)",
  "spc.caveat.provisional-limits": (p) => `Limits from only ${p.baselinePoints} ${ofKind(p, ["years", "quarters", "months"])} (15 to 20 points recommended): read them as provisional`,
  "spc.caveat.runs-impossible": () => "Series too short for the shift and trend rules (7 points)",
  "spc.caveat.baseline-includes-actions": (p) =>
    `Too few ${ofKind(p, ["years", "quarters", "months"])} before the actions: the baseline includes ${ofKind(p, ["years", "quarters", "months"])} of action`,
  "spc.caveat.screened-moving-ranges": (p) =>
    `${p.screenedMovingRanges} exceptional ${plural(p.screenedMovingRanges, "change", "changes")} between consecutive ${ofKind(p, ["years", "quarters", "months"])} left out of the limits (more than 3.267 times the average change)`,
  "spc.points.year": (p) => `${p.points} yearly ${plural(p.points, "point", "points")}`,
  "spc.points.quarter": (p) => `${p.points} quarterly ${plural(p.points, "point", "points")}`,
  "spc.points.month": (p) => `${p.points} monthly ${plural(p.points, "point", "points")}`,
};

export const MESSAGES: Record<Language, Catalogue> = { fr, nl, de, en };

/** The words of `key` in each language; a period in `sincePeriod` is named the language's way ("T2 2023", "K2 2023"). */
function texts(key: string, params: Params, sincePeriod: string | null = null): Texts {
  if (!isMessageKey(key)) throw new Error(`no message for ${key}`);
  const at = (lang: Language): Params => (sincePeriod === null ? params : { ...params, since: periodLabel(sincePeriod, lang) });
  return { fr: MESSAGES.fr[key](at("fr")), nl: MESSAGES.nl[key](at("nl")), de: MESSAGES.de[key](at("de")), en: MESSAGES.en[key](at("en")) };
}

export function isMessageKey(key: string): key is MessageKey {
  return (MESSAGE_KEYS as readonly string[]).includes(key);
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
  const params: Params = {
    since: v.since,
    points: v.points,
    minimum: v.minimum,
    actionsStart: v.actionsStart,
    baselinePoints: v.baselinePoints,
    screenedMovingRanges: v.screenedMovingRanges,
    granularity: v.granularity,
  };
  return {
    verdict: texts(v.messageKey, params, v.sincePeriod),
    points: texts(v.pointsKey, params),
    assurance: v.assuranceKey ? texts(v.assuranceKey, params) : null,
    caveats: v.caveatKeys.map((k) => texts(k, params)),
  };
}
