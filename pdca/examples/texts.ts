// The demo's example cycles: one per zone where the synthetic sample starts improvement actions
// in 2022 (sample/generate.ts, IMPROVING_ZONES). Written in the zone's own language, as its
// network would write them; every title starts with "example" in that language and every
// problem statement says the figures are synthetic. The dashboard adds its own "example" label
// in the page's language.
import type { Decision, Phase } from "../store/types.ts";

export interface ExampleCycle {
  system: string;
  zone: string;
  /** Indicators to try, in order: the first with published zone cells is used. */
  indicators: string[];
  lang: "fr" | "nl" | "de";
  /** `{indicator}` becomes the indicator's title in `lang`. */
  title: string;
  problem: string;
  actions: { description: string; owner: string; dueDate: string; status: "planned" | "in-progress" | "done" }[];
  notes: string[];
  /** The phase it has reached, and the decision when closed. */
  phase: Exclude<Phase, "plan">;
  decision?: Decision;
}

export const EXAMPLE_CYCLES: readonly ExampleCycle[] = [
  {
    system: "elz",
    zone: "elz13",
    indicators: ["flu-vaccination-65", "gmd-coverage"],
    lang: "nl",
    title: "Voorbeeld — ELZ Gent: {indicator}",
    problem:
      "Voorbeeldcyclus op synthetische gegevens. In 2021 ligt de waarde in de zone onder het Vlaamse gemiddelde, vooral in wijken met veel personen met verhoogde tegemoetkoming. De zorgraad wil dit vanaf 2022 samen met huisartsen, apothekers en het OCMW verbeteren.",
    actions: [
      { description: "Huisartsenpraktijken krijgen elk kwartaal een lijst van patiënten zonder recente opvolging", owner: "Zorgraad ELZ Gent", dueDate: "2022-03-31", status: "done" },
      { description: "Infosessies in de wijkgezondheidscentra", owner: "Logo Gent", dueDate: "2022-10-31", status: "done" },
      { description: "Herinneringsbrief via de ziekenfondsen", owner: "Ziekenfondsen", dueDate: "2023-09-30", status: "in-progress" },
    ],
    notes: ["Eerste resultaten in 2023 zijn bemoedigend; de lijsten worden vlot verdeeld."],
    phase: "check",
  },
  {
    system: "elz-antwerpen",
    zone: "elz2-4",
    indicators: ["gmd-coverage"],
    lang: "nl",
    title: "Voorbeeld — Noord Antwerpen: {indicator}",
    problem:
      "Voorbeeldcyclus op synthetische gegevens. Te weinig inwoners hebben een vaste huisarts die hun dossier beheert. Vanaf 2022 spreken apothekers en maatschappelijk werkers inwoners zonder vaste huisarts actief aan.",
    actions: [
      { description: "Apothekers verwijzen klanten zonder vaste huisarts naar een praktijk in de buurt", owner: "Apothekersvereniging", dueDate: "2022-06-30", status: "done" },
      { description: "Lijst van huisartsenpraktijken die nieuwe patiënten aannemen, bijgewerkt per kwartaal", owner: "Zorgraad Noord Antwerpen", dueDate: "2022-12-31", status: "done" },
    ],
    notes: ["Het aantal nieuwe inschrijvingen stijgt; de praktijken vragen ondersteuning bij de administratie."],
    phase: "act",
  },
  {
    system: "bassin",
    zone: "BXL-NORD-EST",
    indicators: ["breast-cancer-screening", "gmd-coverage"],
    lang: "fr",
    title: "Exemple — Bruxelles Nord-Est : {indicator}",
    problem:
      "Cycle d'exemple sur des données synthétiques. À Schaerbeek, Evere et Saint-Josse, la valeur de 2021 est nettement sous la moyenne belge, surtout chez les bénéficiaires de l'intervention majorée. Le bassin mène des actions de proximité à partir de 2022.",
    actions: [
      { description: "Permanences d'information dans les maisons médicales et les antennes du CPAS", owner: "Bassin Nord-Est", dueDate: "2022-06-30", status: "done" },
      { description: "Courrier d'invitation traduit en cinq langues", owner: "Centre de coordination du dépistage", dueDate: "2022-12-31", status: "in-progress" },
    ],
    notes: ["Les permanences attirent surtout des personnes qui n'avaient pas de médecin généraliste."],
    phase: "do",
  },
  {
    system: "ols-provisoire",
    zone: "OLS-P-52",
    indicators: ["diabetics-hba1c-follow-up", "gmd-coverage"],
    lang: "fr",
    title: "Exemple — Charleroi : {indicator}",
    problem:
      "Cycle d'exemple sur des données synthétiques. Le suivi est irrégulier en 2021. Avec les médecins généralistes et les éducateurs en diabétologie, l'OLS lance en 2022 un rappel annuel et des consultations groupées.",
    actions: [
      { description: "Rappel annuel envoyé par le dossier médical informatisé", owner: "Cercle de médecins généralistes", dueDate: "2022-03-31", status: "done" },
      { description: "Consultations groupées avec un éducateur en diabétologie", owner: "OLS Charleroi", dueDate: "2022-09-30", status: "done" },
    ],
    notes: ["Décision : les rappels sont adoptés et étendus aux patients en prétrajet diabète."],
    phase: "closed",
    decision: "adopt",
  },
  {
    system: "dg",
    zone: "DG",
    indicators: ["cervical-cancer-screening", "gmd-coverage"],
    lang: "de",
    title: "Beispiel — Ostbelgien: {indicator}",
    problem:
      "Beispielzyklus mit synthetischen Daten. Der Wert von 2021 liegt unter dem wallonischen Durchschnitt. Ab 2022 laden Hausärzte und der Dienst für Gesundheitsförderung gezielt ein; die Globale Medizinische Akte (GMA) dient als Erinnerung.",
    actions: [
      { description: "Einladungsschreiben der Hausarztpraxen an Patientinnen ohne Untersuchung seit drei Jahren", owner: "Hausärztliche Vereinigung", dueDate: "2022-06-30", status: "done" },
      { description: "Informationsabende in Eupen und St. Vith", owner: "Dienst für Gesundheitsförderung", dueDate: "2022-11-30", status: "done" },
    ],
    notes: ["Die Rückmeldungen der Praxen sind positiv; die Einladungen werden 2024 fortgesetzt."],
    phase: "check",
  },
];
