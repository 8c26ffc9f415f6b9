/**
 * The words `describeDefinition` builds its sentences from, in the dashboard's four
 * languages. Warehouse values (settings, provider categories, zone columns) stay as they are:
 * they are the names an analyst finds in the extract contract.
 */
import type { EventSource, Language } from "./vocabulary.ts";
import type { Aim, Polarity, Stratum, Unit } from "./schema.ts";

type Label = "denominator" | "numerator" | "zoneValue" | "ratio" | "query" | "statistic" | "polarity" | "strata" | "periods" | "targets" | "source" | "caveats" | "methods";
export interface ZoneWords {
  source: string;
  value: string;
  survey?: string;
  weight?: string;
  perPopulation: boolean;
}

export interface Words {
  label: Record<Label, string>;
  aim: Record<Aim, string>;
  type: Record<"process" | "outcome", string>;
  /** Whose rates give an indirectly standardised ratio's expected count. */
  standard: Record<"belgium" | "region", string>;
  unit: Record<Unit, string>;
  polarity: Record<Polarity, string>;
  stratum: Record<Stratum, string>;
  /** Between a label and its text (French typography puts a space before the colon). */
  colon: string;
  or: string;
  and: string;
  insured: string;
  sex: Record<"F" | "M", string>;
  age: (min: number, max: number | undefined) => string;
  ageNote: string;
  /** [with, without] */
  flag: Record<"bim" | "gmd" | "chronic", [string, string]>;
  alive: string;
  window: (years: number) => string;
  /** [one, many] */
  source: Record<EventSource, [string, string]>;
  persons: (min: number, noun: string) => string;
  events: (noun: string) => string;
  codes: Record<"nomenclature" | "atc" | "icd10", (list: string) => string>;
  setting: string;
  provider: string;
  stayType: Record<"classic" | "day", string>;
  /** [through emergency, not through emergency] */
  emergency: [string, string];
  medicines: (distinct: number, ddd: number | undefined, atc: string | undefined) => string;
  cheaper: (atc: string | undefined) => string;
  status: (flag: string) => string;
  deaths: (maxAge: number | undefined) => string;
  spending: (sources: string) => string;
  readmissions: (days: number) => string;
  zone: (z: ZoneWords) => string;
  ratioOf: (numerator: string, denominator: string) => string;
  sql: string;
  noStrata: string;
  suppressed: (n: number) => string;
  /** `sub-annual`: values per quarter or month besides the year's. */
  subAnnual: { quarter: string; month: string };
}

const en: Words = {
  label: {
    denominator: "Denominator",
    numerator: "Numerator",
    zoneValue: "Zone figure",
    ratio: "Ratio",
    query: "Query",
    statistic: "Statistic",
    polarity: "Polarity",
    strata: "Breakdowns",
    periods: "Periods",
    targets: "Targets",
    source: "Source",
    caveats: "Caveats",
    methods: "Methods",
  },
  aim: { experience: "Experience of care", "population-health": "Population health", value: "Value", workforce: "Workforce well-being", equity: "Equity" },
  type: { process: "process indicator", outcome: "outcome indicator" },
  standard: { belgium: "expected at Belgium's rates of the year by sex and 5-year age band", region: "expected at the region's rates of the year by sex and 5-year age band" },
  unit: { percent: "percent", "per-1000": "per 1,000", "per-10000": "per 10,000", "per-100000": "per 100,000", euro: "euro", score: "score points (0–100)", ratio: "ratio" },
  polarity: { "high-is-good": "a higher value is better", "low-is-good": "a lower value is better", "no-judgement": "no judgement: higher is neither better nor worse" },
  stratum: { sex: "sex", "age-band": "age band", bim: "BIM status" },
  colon: ": ",
  or: "or",
  and: "and",
  insured: "persons insured during the year",
  sex: { F: "women", M: "men" },
  age: (min, max) => (max === undefined ? `aged ${min} and over` : `aged ${min} to ${max}`),
  ageNote: "age = year − birth year",
  flag: {
    bim: ["with increased reimbursement (BIM)", "without increased reimbursement (BIM)"],
    gmd: ["holding a global medical record (GMD)", "without a global medical record (GMD)"],
    chronic: ["with chronic-illness status", "without chronic-illness status"],
  },
  alive: "alive on 31 December",
  window: (y) => (y === 1 ? "during the year" : y === 2 ? "in the year or the year before" : `in the year or the ${y - 1} years before`),
  source: {
    health_service: ["reimbursed health-care service", "reimbursed health-care services"],
    pharmacy_delivery: ["pharmacy delivery", "pharmacy deliveries"],
    hospital_stay: ["hospital stay", "hospital stays"],
  },
  persons: (min, noun) => `persons of the denominator with at least ${min === 1 ? "one" : min} ${noun}`,
  events: (noun) => `number of ${noun} of persons of the denominator`,
  codes: { nomenclature: (l) => `with nomenclature code ${l}`, atc: (l) => `of a medicine whose ATC code starts with ${l}`, icd10: (l) => `with a main diagnosis (ICD-10) starting with ${l}` },
  setting: "setting",
  provider: "provider",
  stayType: { classic: "classic stays only", day: "day stays only" },
  emergency: ["admitted through the emergency department", "not admitted through the emergency department"],
  medicines: (k, ddd, atc) =>
    `persons of the denominator who received at least ${k} different medicine${k === 1 ? "" : "s"} (distinct ATC codes${atc ? ` starting with ${atc}` : ""})${ddd ? `, at least ${ddd} DDD of each` : ""}, during the year`,
  cheaper: (atc) => `DDD delivered as cheaper medicines${atc ? ` (ATC codes starting with ${atc})` : ""}, as a share of all DDD delivered to persons of the denominator during the year`,
  status: (flag) => `persons of the denominator ${flag} on 31 December`,
  deaths: (max) => `deaths during the year of persons of the denominator${max === undefined ? "" : `, at age ${max} or younger`}`,
  spending: (s) => `amount reimbursed by compulsory health insurance for ${s}, per person of the denominator`,
  readmissions: (d) => `hospital stays of persons of the denominator followed by a new stay within ${d} days of discharge`,
  zone: (z) =>
    `${z.value} of ${z.source}${z.survey ? ` (survey ${z.survey})` : ""}, ${z.perPopulation ? "divided by the population of the zone" : z.weight ? `averaged over zones weighted by ${z.weight}` : "averaged over zones"}`,
  ratioOf: (a, b) => `indicator ${a} divided by indicator ${b}`,
  sql: "computed by a hand-written SQL query, not by the standard compiler: see the methods",
  noStrata: "none",
  suppressed: (n) => `cells counting fewer than ${n} are not shown`,
  subAnnual: {
    quarter: "also per quarter (events by date, annualised rate), for Belgium, regions, provinces and zones",
    month: "also per month (events by date, annualised rate), for Belgium, regions, provinces and zones",
  },
};

const fr: Words = {
  label: {
    denominator: "Dénominateur",
    numerator: "Numérateur",
    zoneValue: "Valeur de zone",
    ratio: "Rapport",
    query: "Requête",
    statistic: "Statistique",
    polarity: "Polarité",
    strata: "Ventilations",
    periods: "Périodes",
    targets: "Objectifs",
    source: "Source",
    caveats: "Limites",
    methods: "Méthodes",
  },
  aim: { experience: "Expérience des soins", "population-health": "Santé de la population", value: "Valeur", workforce: "Bien-être des professionnels", equity: "Équité" },
  type: { process: "indicateur de processus", outcome: "indicateur de résultat" },
  standard: { belgium: "attendu aux taux belges de l'année par sexe et tranche d'âge de 5 ans", region: "attendu aux taux de la région de l'année par sexe et tranche d'âge de 5 ans" },
  unit: { percent: "pour cent", "per-1000": "pour 1 000", "per-10000": "pour 10 000", "per-100000": "pour 100 000", euro: "euros", score: "points de score (0–100)", ratio: "rapport" },
  polarity: { "high-is-good": "une valeur plus élevée est meilleure", "low-is-good": "une valeur plus basse est meilleure", "no-judgement": "sans jugement : ni plus haut ni plus bas n'est meilleur" },
  stratum: { sex: "sexe", "age-band": "tranche d'âge", bim: "statut BIM" },
  colon: " : ",
  or: "ou",
  and: "et",
  insured: "personnes assurées pendant l'année",
  sex: { F: "femmes", M: "hommes" },
  age: (min, max) => (max === undefined ? `de ${min} ans et plus` : `de ${min} à ${max} ans`),
  ageNote: "âge = année − année de naissance",
  flag: {
    bim: ["avec intervention majorée (BIM)", "sans intervention majorée (BIM)"],
    gmd: ["titulaires d'un dossier médical global (DMG)", "sans dossier médical global (DMG)"],
    chronic: ["avec statut affection chronique", "sans statut affection chronique"],
  },
  alive: "en vie au 31 décembre",
  window: (y) => (y === 1 ? "pendant l'année" : y === 2 ? "pendant l'année ou l'année précédente" : `pendant l'année ou les ${y - 1} années précédentes`),
  source: {
    health_service: ["prestation de soins remboursée", "prestations de soins remboursées"],
    pharmacy_delivery: ["délivrance en pharmacie", "délivrances en pharmacie"],
    hospital_stay: ["séjour hospitalier", "séjours hospitaliers"],
  },
  persons: (min, noun) => `personnes du dénominateur ayant au moins ${min === 1 ? "une" : min} ${noun}`,
  events: (noun) => `nombre de ${noun} des personnes du dénominateur`,
  codes: {
    nomenclature: (l) => `de code de nomenclature ${l}`,
    atc: (l) => `d'un médicament dont le code ATC commence par ${l}`,
    icd10: (l) => `de diagnostic principal (CIM-10) commençant par ${l}`,
  },
  setting: "lieu",
  provider: "prestataire",
  stayType: { classic: "séjours classiques uniquement", day: "hospitalisations de jour uniquement" },
  emergency: ["admis par les urgences", "non admis par les urgences"],
  medicines: (k, ddd, atc) =>
    `personnes du dénominateur ayant reçu au moins ${k} médicament${k === 1 ? "" : "s"} différent${k === 1 ? "" : "s"} (codes ATC distincts${atc ? ` commençant par ${atc}` : ""})${ddd ? `, au moins ${ddd} DDD de chacun` : ""}, pendant l'année`,
  cheaper: (atc) => `DDD délivrées en médicaments bon marché${atc ? ` (codes ATC commençant par ${atc})` : ""}, en part de toutes les DDD délivrées aux personnes du dénominateur pendant l'année`,
  status: (flag) => `personnes du dénominateur ${flag} au 31 décembre`,
  deaths: (max) => `décès pendant l'année des personnes du dénominateur${max === undefined ? "" : `, à ${max} ans ou moins`}`,
  spending: (s) => `montant remboursé par l'assurance obligatoire pour ${s}, par personne du dénominateur`,
  readmissions: (d) => `séjours hospitaliers des personnes du dénominateur suivis d'un nouveau séjour dans les ${d} jours après la sortie`,
  zone: (z) =>
    `${z.value} de ${z.source}${z.survey ? ` (enquête ${z.survey})` : ""}, ${z.perPopulation ? "rapporté à la population de la zone" : z.weight ? `moyenne des zones pondérée par ${z.weight}` : "moyenne des zones"}`,
  ratioOf: (a, b) => `indicateur ${a} divisé par l'indicateur ${b}`,
  sql: "calculé par une requête SQL écrite à la main, hors du compilateur standard : voir les méthodes",
  noStrata: "aucune",
  suppressed: (n) => `les cellules de moins de ${n} ne sont pas montrées`,
  subAnnual: {
    quarter: "aussi par trimestre (événements selon leur date, taux annualisé), pour la Belgique, les régions, les provinces et les zones",
    month: "aussi par mois (événements selon leur date, taux annualisé), pour la Belgique, les régions, les provinces et les zones",
  },
};

const nl: Words = {
  label: {
    denominator: "Noemer",
    numerator: "Teller",
    zoneValue: "Zonewaarde",
    ratio: "Verhouding",
    query: "Query",
    statistic: "Statistiek",
    polarity: "Polariteit",
    strata: "Opsplitsingen",
    periods: "Perioden",
    targets: "Doelen",
    source: "Bron",
    caveats: "Beperkingen",
    methods: "Methoden",
  },
  aim: { experience: "Zorgervaring", "population-health": "Gezondheid van de bevolking", value: "Waarde", workforce: "Welzijn van de zorgverleners", equity: "Gelijkheid" },
  type: { process: "procesindicator", outcome: "uitkomstindicator" },
  standard: {
    belgium: "verwacht volgens de Belgische cijfers van het jaar per geslacht en leeftijdsklasse van 5 jaar",
    region: "verwacht volgens de cijfers van het gewest van het jaar per geslacht en leeftijdsklasse van 5 jaar",
  },
  unit: { percent: "procent", "per-1000": "per 1 000", "per-10000": "per 10 000", "per-100000": "per 100 000", euro: "euro", score: "scorepunten (0–100)", ratio: "verhouding" },
  polarity: { "high-is-good": "een hogere waarde is beter", "low-is-good": "een lagere waarde is beter", "no-judgement": "geen oordeel: hoger is niet beter of slechter" },
  stratum: { sex: "geslacht", "age-band": "leeftijdsgroep", bim: "VT-statuut" },
  colon: ": ",
  or: "of",
  and: "en",
  insured: "personen verzekerd in het jaar",
  sex: { F: "vrouwen", M: "mannen" },
  age: (min, max) => (max === undefined ? `van ${min} jaar en ouder` : `van ${min} tot ${max} jaar`),
  ageNote: "leeftijd = jaar − geboortejaar",
  flag: {
    bim: ["met verhoogde tegemoetkoming (VT)", "zonder verhoogde tegemoetkoming (VT)"],
    gmd: ["met een globaal medisch dossier (GMD)", "zonder globaal medisch dossier (GMD)"],
    chronic: ["met het statuut chronische aandoening", "zonder het statuut chronische aandoening"],
  },
  alive: "in leven op 31 december",
  window: (y) => (y === 1 ? "in het jaar" : y === 2 ? "in het jaar of het jaar ervoor" : `in het jaar of de ${y - 1} jaren ervoor`),
  source: {
    health_service: ["terugbetaalde zorgprestatie", "terugbetaalde zorgprestaties"],
    pharmacy_delivery: ["aflevering in de apotheek", "afleveringen in de apotheek"],
    hospital_stay: ["ziekenhuisverblijf", "ziekenhuisverblijven"],
  },
  persons: (min, noun) => `personen uit de noemer met minstens ${min === 1 ? "één" : min} ${noun}`,
  events: (noun) => `aantal ${noun} van personen uit de noemer`,
  codes: {
    nomenclature: (l) => `met nomenclatuurcode ${l}`,
    atc: (l) => `van een geneesmiddel met een ATC-code die begint met ${l}`,
    icd10: (l) => `met een hoofddiagnose (ICD-10) die begint met ${l}`,
  },
  setting: "plaats",
  provider: "zorgverlener",
  stayType: { classic: "alleen klassieke opnames", day: "alleen daghospitalisaties" },
  emergency: ["opgenomen via de spoedgevallendienst", "niet opgenomen via de spoedgevallendienst"],
  medicines: (k, ddd, atc) =>
    `personen uit de noemer die minstens ${k} verschillende geneesmiddel${k === 1 ? "" : "en"} kregen (verschillende ATC-codes${atc ? ` die beginnen met ${atc}` : ""})${ddd ? `, minstens ${ddd} DDD van elk` : ""}, in het jaar`,
  cheaper: (atc) => `DDD afgeleverd als goedkope geneesmiddelen${atc ? ` (ATC-codes die beginnen met ${atc})` : ""}, als aandeel van alle DDD afgeleverd aan personen uit de noemer in het jaar`,
  status: (flag) => `personen uit de noemer ${flag} op 31 december`,
  deaths: (max) => `overlijdens in het jaar van personen uit de noemer${max === undefined ? "" : `, op ${max} jaar of jonger`}`,
  spending: (s) => `bedrag terugbetaald door de verplichte verzekering voor ${s}, per persoon uit de noemer`,
  readmissions: (d) => `ziekenhuisverblijven van personen uit de noemer gevolgd door een nieuw verblijf binnen ${d} dagen na ontslag`,
  zone: (z) =>
    `${z.value} uit ${z.source}${z.survey ? ` (enquête ${z.survey})` : ""}, ${z.perPopulation ? "gedeeld door de bevolking van de zone" : z.weight ? `gemiddelde van de zones gewogen naar ${z.weight}` : "gemiddelde van de zones"}`,
  ratioOf: (a, b) => `indicator ${a} gedeeld door indicator ${b}`,
  sql: "berekend met een handgeschreven SQL-query, buiten de standaardcompiler: zie de methoden",
  noStrata: "geen",
  suppressed: (n) => `cellen met minder dan ${n} worden niet getoond`,
  subAnnual: {
    quarter: "ook per kwartaal (gebeurtenissen volgens hun datum, op jaarbasis), voor België, de gewesten, de provincies en de zones",
    month: "ook per maand (gebeurtenissen volgens hun datum, op jaarbasis), voor België, de gewesten, de provincies en de zones",
  },
};

const de: Words = {
  label: {
    denominator: "Nenner",
    numerator: "Zähler",
    zoneValue: "Zonenwert",
    ratio: "Verhältnis",
    query: "Abfrage",
    statistic: "Statistik",
    polarity: "Polarität",
    strata: "Aufschlüsselungen",
    periods: "Zeiträume",
    targets: "Ziele",
    source: "Quelle",
    caveats: "Einschränkungen",
    methods: "Methoden",
  },
  aim: { experience: "Versorgungserfahrung", "population-health": "Gesundheit der Bevölkerung", value: "Wert", workforce: "Wohlbefinden der Fachkräfte", equity: "Gerechtigkeit" },
  type: { process: "Prozessindikator", outcome: "Ergebnisindikator" },
  standard: {
    belgium: "erwartet nach den belgischen Raten des Jahres je Geschlecht und 5-Jahres-Altersgruppe",
    region: "erwartet nach den Raten der Region des Jahres je Geschlecht und 5-Jahres-Altersgruppe",
  },
  unit: { percent: "Prozent", "per-1000": "je 1 000", "per-10000": "je 10 000", "per-100000": "je 100 000", euro: "Euro", score: "Punkte (0–100)", ratio: "Verhältnis" },
  polarity: { "high-is-good": "ein höherer Wert ist besser", "low-is-good": "ein niedrigerer Wert ist besser", "no-judgement": "keine Wertung: höher ist weder besser noch schlechter" },
  stratum: { sex: "Geschlecht", "age-band": "Altersgruppe", bim: "BIM-Status" },
  colon: ": ",
  or: "oder",
  and: "und",
  insured: "im Jahr versicherte Personen",
  sex: { F: "Frauen", M: "Männer" },
  age: (min, max) => (max === undefined ? `ab ${min} Jahren` : `im Alter von ${min} bis ${max} Jahren`),
  ageNote: "Alter = Jahr − Geburtsjahr",
  flag: {
    bim: ["mit erhöhter Kostenbeteiligung (BIM)", "ohne erhöhte Kostenbeteiligung (BIM)"],
    gmd: ["mit Globaler Medizinischer Akte (GMA)", "ohne Globale Medizinische Akte (GMA)"],
    chronic: ["mit dem Status chronische Erkrankung", "ohne den Status chronische Erkrankung"],
  },
  alive: "am 31. Dezember am Leben",
  window: (y) => (y === 1 ? "im Jahr" : y === 2 ? "im Jahr oder im Vorjahr" : `im Jahr oder in den ${y - 1} Vorjahren`),
  source: {
    health_service: ["erstattete Gesundheitsleistung", "erstattete Gesundheitsleistungen"],
    pharmacy_delivery: ["Apothekenabgabe", "Apothekenabgaben"],
    hospital_stay: ["Krankenhausaufenthalt", "Krankenhausaufenthalte"],
  },
  persons: (min, noun) => `Personen des Nenners mit mindestens ${min === 1 ? "einer" : min} ${noun}`,
  events: (noun) => `Anzahl der ${noun} der Personen des Nenners`,
  codes: {
    nomenclature: (l) => `mit dem Nomenklaturcode ${l}`,
    atc: (l) => `eines Arzneimittels mit einem ATC-Code beginnend mit ${l}`,
    icd10: (l) => `mit einer Hauptdiagnose (ICD-10) beginnend mit ${l}`,
  },
  setting: "Ort",
  provider: "Leistungserbringer",
  stayType: { classic: "nur klassische Aufenthalte", day: "nur Tagesklinik" },
  emergency: ["über die Notaufnahme aufgenommen", "nicht über die Notaufnahme aufgenommen"],
  medicines: (k, ddd, atc) =>
    `Personen des Nenners, die mindestens ${k} verschiedene Arzneimittel erhielten (verschiedene ATC-Codes${atc ? ` beginnend mit ${atc}` : ""})${ddd ? `, jeweils mindestens ${ddd} DDD` : ""}, im Jahr`,
  cheaper: (atc) => `als preisgünstige Arzneimittel abgegebene DDD${atc ? ` (ATC-Codes beginnend mit ${atc})` : ""}, als Anteil aller im Jahr an Personen des Nenners abgegebenen DDD`,
  status: (flag) => `Personen des Nenners ${flag} am 31. Dezember`,
  deaths: (max) => `Todesfälle im Jahr unter Personen des Nenners${max === undefined ? "" : `, im Alter von ${max} Jahren oder jünger`}`,
  spending: (s) => `von der Pflichtversicherung erstatteter Betrag für ${s}, je Person des Nenners`,
  readmissions: (d) => `Krankenhausaufenthalte von Personen des Nenners, auf die innerhalb von ${d} Tagen nach der Entlassung ein neuer Aufenthalt folgt`,
  zone: (z) =>
    `${z.value} aus ${z.source}${z.survey ? ` (Erhebung ${z.survey})` : ""}, ${z.perPopulation ? "geteilt durch die Bevölkerung der Zone" : z.weight ? `Mittelwert der Zonen, gewichtet nach ${z.weight}` : "Mittelwert der Zonen"}`,
  ratioOf: (a, b) => `Indikator ${a} geteilt durch Indikator ${b}`,
  sql: "mit einer handgeschriebenen SQL-Abfrage berechnet, nicht mit dem Standardcompiler: siehe Methoden",
  noStrata: "keine",
  suppressed: (n) => `Zellen mit weniger als ${n} werden nicht gezeigt`,
  subAnnual: {
    quarter: "auch je Quartal (Ereignisse nach ihrem Datum, auf das Jahr hochgerechnete Rate), für Belgien, die Regionen, die Provinzen und die Zonen",
    month: "auch je Monat (Ereignisse nach ihrem Datum, auf das Jahr hochgerechnete Rate), für Belgien, die Regionen, die Provinzen und die Zonen",
  },
};

export const WORDS: Record<Language, Words> = { en, fr, nl, de };
