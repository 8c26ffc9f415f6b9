// A verdict in plain words, in the dashboard's four languages. Every message key of verdict.ts
// has a sentence here (the tests check it). Pure.
import type { Verdict } from "./verdict.ts";
import type { Language } from "../../core/languages.ts";

export { LANGUAGES, type Language } from "../../core/languages.ts";
export type Texts = Record<Language, string>;
type Params = { since: number | null; points: number; minimum: number; actionsStart: number | null; baselinePoints: number | null; screenedMovingRanges: number };
type Template = (p: Params) => string;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

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
    fr: (p) => `Données insuffisantes : ${p.points} ${plural(p.points, "année publiée", "années publiées")}, il en faut au moins ${p.minimum}`,
    nl: (p) => `Onvoldoende gegevens: ${p.points} gepubliceerde ${plural(p.points, "jaar", "jaren")}, minstens ${p.minimum} nodig`,
    de: (p) => `Zu wenige Daten: ${p.points} ${plural(p.points, "veröffentlichtes Jahr", "veröffentlichte Jahre")}, mindestens ${p.minimum} nötig`,
    en: (p) => `Not enough data: ${p.points} published ${plural(p.points, "year", "years")}, at least ${p.minimum} needed`,
  },
  "spc.verdict.not-enough-data.no-baseline": {
    fr: () => "Données insuffisantes : trop d'années masquées pour calculer des limites",
    nl: () => "Onvoldoende gegevens: te veel verborgen jaren om grenzen te berekenen",
    de: () => "Zu wenige Daten: zu viele verborgene Jahre, um Grenzen zu berechnen",
    en: () => "Not enough data: too many hidden years to compute limits",
  },
  "spc.verdict.not-enough-data.no-variation": {
    fr: () => "Pas de limites : les années de référence ont toutes la même valeur",
    nl: () => "Geen grenzen: de referentiejaren hebben allemaal dezelfde waarde",
    de: () => "Keine Grenzen: die Referenzjahre haben alle denselben Wert",
    en: () => "No limits: the baseline years all have the same value",
  },
  "spc.verdict.not-enough-data.no-points-after-actions": {
    fr: (p) => `Pas encore de données : aucune année publiée depuis le début des actions (${p.actionsStart})`,
    nl: (p) => `Nog geen gegevens: geen gepubliceerd jaar sinds de start van de acties (${p.actionsStart})`,
    de: (p) => `Noch keine Daten: kein veröffentlichtes Jahr seit Beginn der Maßnahmen (${p.actionsStart})`,
    en: (p) => `No data yet: no published year since the actions started (${p.actionsStart})`,
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
    fr: (p) => `Limites calculées sur ${p.baselinePoints} années seulement (15 à 20 points recommandés) : à lire comme provisoires`,
    nl: (p) => `Grenzen berekend op slechts ${p.baselinePoints} jaren (15 à 20 punten aanbevolen): voorlopig`,
    de: (p) => `Grenzen aus nur ${p.baselinePoints} Jahren berechnet (15 bis 20 Punkte empfohlen): vorläufig`,
    en: (p) => `Limits from only ${p.baselinePoints} years (15 to 20 points recommended): read them as provisional`,
  },
  "spc.caveat.runs-impossible": {
    fr: () => "Série trop courte pour les règles de déplacement et de tendance (7 points)",
    nl: () => "Reeks te kort voor de regels van verschuiving en trend (7 punten)",
    de: () => "Reihe zu kurz für die Regeln zu Verschiebung und Trend (7 Punkte)",
    en: () => "Series too short for the shift and trend rules (7 points)",
  },
  "spc.caveat.baseline-includes-actions": {
    fr: () => "Trop peu d'années avant les actions : la période de référence inclut des années d'action",
    nl: () => "Te weinig jaren vóór de acties: de referentieperiode bevat actiejaren",
    de: () => "Zu wenige Jahre vor den Maßnahmen: der Referenzzeitraum enthält Maßnahmenjahre",
    en: () => "Too few years before the actions: the baseline includes years of action",
  },
  "spc.caveat.screened-moving-ranges": {
    fr: (p) => `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "écart exceptionnel entre années consécutives écarté", "écarts exceptionnels entre années consécutives écartés")} du calcul des limites (plus de 3,267 fois l'écart moyen)`,
    nl: (p) => `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "uitzonderlijk verschil", "uitzonderlijke verschillen")} tussen opeenvolgende jaren niet meegeteld voor de grenzen (meer dan 3,267 keer het gemiddelde verschil)`,
    de: (p) => `${p.screenedMovingRanges} ${plural(p.screenedMovingRanges, "außergewöhnlicher Unterschied", "außergewöhnliche Unterschiede")} zwischen aufeinanderfolgenden Jahren bei den Grenzen nicht berücksichtigt (mehr als das 3,267-Fache des mittleren Unterschieds)`,
    en: (p) => `${p.screenedMovingRanges} exceptional ${plural(p.screenedMovingRanges, "change", "changes")} between consecutive years left out of the limits (more than 3.267 times the average change)`,
  },
};

function texts(key: string, params: Params): Texts {
  const template = MESSAGES[key];
  if (!template) throw new Error(`no message for ${key}`);
  return { fr: template.fr(params), nl: template.nl(params), de: template.de(params), en: template.en(params) };
}

export interface VerdictWords {
  verdict: Texts;
  assurance: Texts | null;
  caveats: Texts[];
}

/** The verdict, its assurance and caveats as sentences in fr, nl, de and en. */
export function verdictWords(v: Verdict): VerdictWords {
  const params: Params = { since: v.since, points: v.points, minimum: v.minimum, actionsStart: v.actionsStart, baselinePoints: v.baselinePoints, screenedMovingRanges: v.screenedMovingRanges };
  return {
    verdict: texts(v.messageKey, params),
    assurance: v.assuranceKey ? texts(v.assuranceKey, params) : null,
    caveats: v.caveatKeys.map((k) => texts(k, params)),
  };
}
