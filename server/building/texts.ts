// The words of the page a first start serves while the demo is being built, in the four
// languages (core/languages.ts). The type makes a missing word a compile error.
import type { Language } from "../../core/languages.ts";
import type { BuildStage } from "./status.ts";

export interface BuildingTexts {
  title: string;
  heading: string;
  intro: string;
  synthetic: string;
  stages: Record<BuildStage, string>;
  state: { done: string; running: string; waiting: string };
  /** `{done}` of `{total}` tables of counts protected (disclosure control's progress). */
  tables: string;
  /** `{elapsed}` since the build started. */
  elapsed: string;
  refresh: string;
  /** Shown when the server stopped answering (the build failed or was stopped). */
  lost: string;
  languages: string;
}

export const BUILDING_TEXTS: Record<Language, BuildingTexts> = {
  fr: {
    title: "Boussole · préparation de la démo",
    heading: "La démo se prépare",
    intro:
      "Au premier démarrage, Boussole construit sa démo : il génère un échantillon, le charge dans l'entrepôt en validant chaque ligne, calcule les indicateurs et protège les petits effectifs avant de publier. Cela prend quelques minutes sur un ordinateur à deux cœurs ; les démarrages suivants réutilisent tout.",
    synthetic: "Les données de la démo sont synthétiques : aucune personne réelle.",
    stages: {
      sample: "Générer l'échantillon synthétique",
      load: "Charger l'échantillon dans l'entrepôt",
      preview: "Publier d'abord la dernière année (indicateurs, protection des petits effectifs, audit) et l'afficher",
      publish: "Publier toutes les années : calculer les indicateurs, protéger les petits effectifs, auditer la publication",
      examples: "Préparer les exemples de cycles PDCA",
    },
    state: { done: "fait", running: "en cours", waiting: "à venir" },
    tables: "{done} tableaux protégés sur {total}",
    elapsed: "Commencé il y a {elapsed}.",
    refresh: "Cette page se recharge d'elle-même et affiche le tableau de bord dès qu'il est prêt.",
    lost: "Le serveur ne répond plus : le terminal où Boussole a été lancé dit pourquoi.",
    languages: "Langue",
  },
  nl: {
    title: "Boussole · de demo wordt voorbereid",
    heading: "De demo wordt voorbereid",
    intro:
      "Bij de eerste start bouwt Boussole zijn demo: het maakt een steekproef aan, laadt die in het datawarehouse en controleert daarbij elke rij, berekent de indicatoren en beschermt kleine aantallen voor het publiceert. Dat duurt enkele minuten op een computer met twee kernen; volgende starts hergebruiken alles.",
    synthetic: "De gegevens van de demo zijn synthetisch: er zit geen echte persoon in.",
    stages: {
      sample: "De synthetische steekproef aanmaken",
      load: "De steekproef in het datawarehouse laden",
      preview: "Eerst het laatste jaar publiceren (indicatoren, kleine aantallen beschermen, audit) en tonen",
      publish: "Alle jaren publiceren: de indicatoren berekenen, kleine aantallen beschermen, de publicatie auditen",
      examples: "De voorbeelden van PDCA-cycli klaarzetten",
    },
    state: { done: "klaar", running: "bezig", waiting: "nog niet begonnen" },
    tables: "{done} van {total} tabellen beschermd",
    elapsed: "Begonnen {elapsed} geleden.",
    refresh: "Deze pagina herlaadt vanzelf en toont het dashboard zodra het klaar is.",
    lost: "De server antwoordt niet meer: de terminal waarin Boussole gestart werd, zegt waarom.",
    languages: "Taal",
  },
  de: {
    title: "Boussole · die Demo wird vorbereitet",
    heading: "Die Demo wird vorbereitet",
    intro:
      "Beim ersten Start baut Boussole seine Demo: Es erzeugt eine Stichprobe, lädt sie ins Data Warehouse und prüft dabei jede Zeile, berechnet die Indikatoren und schützt kleine Fallzahlen, bevor es veröffentlicht. Das dauert auf einem Rechner mit zwei Kernen einige Minuten; spätere Starts verwenden alles wieder.",
    synthetic: "Die Daten der Demo sind synthetisch: Sie enthalten keine realen Personen.",
    stages: {
      sample: "Die synthetische Stichprobe erzeugen",
      load: "Die Stichprobe ins Data Warehouse laden",
      preview: "Zuerst das letzte Jahr veröffentlichen (Indikatoren, kleine Fallzahlen schützen, Prüfung) und zeigen",
      publish: "Alle Jahre veröffentlichen: die Indikatoren berechnen, kleine Fallzahlen schützen, die Veröffentlichung prüfen",
      examples: "Die Beispiele für PDCA-Zyklen vorbereiten",
    },
    state: { done: "erledigt", running: "läuft", waiting: "ausstehend" },
    tables: "{done} von {total} Tabellen geschützt",
    elapsed: "Vor {elapsed} begonnen.",
    refresh: "Diese Seite lädt sich selbst neu und zeigt das Dashboard, sobald es bereit ist.",
    lost: "Der Server antwortet nicht mehr: Das Terminal, in dem Boussole gestartet wurde, nennt den Grund.",
    languages: "Sprache",
  },
  en: {
    title: "Boussole · building the demo",
    heading: "The demo is being built",
    intro:
      "On its first start, Boussole builds its demo: it generates a sample, loads it into the warehouse checking every row, computes the indicators and protects small counts before publishing. This takes a few minutes on a two-core computer; later starts reuse all of it.",
    synthetic: "The demo's data are synthetic: no real person is in them.",
    stages: {
      sample: "Generate the synthetic sample",
      load: "Load the sample into the warehouse",
      preview: "Publish the latest year first (indicators, small counts protected, audit) and show it",
      publish: "Publish every year: compute the indicators, protect small counts, audit the release",
      examples: "Prepare the example PDCA cycles",
    },
    state: { done: "done", running: "running", waiting: "waiting" },
    tables: "{done} of {total} tables of counts protected",
    elapsed: "Started {elapsed} ago.",
    refresh: "This page reloads itself and shows the dashboard as soon as it is ready.",
    lost: "The server no longer answers: the terminal Boussole was started in says why.",
    languages: "Language",
  },
};
