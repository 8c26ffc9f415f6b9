import { ANTIBIOTICS, CHRONIC_MEDICINES, DIAGNOSES_DAY, DIAGNOSES_OTHER, DIAGNOSES_SENSITIVE, FLU_VACCINE, NOMENCLATURE, type Medicine } from "./catalogue.ts";
import type { Person } from "./person.ts";
import { pseudonym } from "./person.ts";
import type { Random } from "./random.ts";
import type { TextFileWriter } from "../core/text-writer.ts";

export interface EventWriters {
  healthcare: TextFileWriter;
  pharmacy: TextFileWriter;
  stays: TextFileWriter;
}

/** One year of a person's life in care: the days alive, the statuses of that year. */
export interface CareYear {
  year: number;
  age: number;
  bim: boolean;
  gmd: boolean;
  chronic: boolean;
  /** Improvement action in the person's zone: extra probability for process indicators. */
  action: number;
  /** Day indexes alive in the year: first (birth) and last (death or 31 December). */
  firstDay: number;
  lastDay: number;
  days: readonly string[];
  /** Yearly drift of antibiotic use, COVID years included. */
  antibioticFactor: number;
  /** GPs practising where the person lives: the other GPs a person sometimes sees. */
  gps: readonly string[];
}

const ANTIBIOTIC_WEIGHTS = ANTIBIOTICS.map((m) => m.weight);
const OCCASIONAL = CHRONIC_MEDICINES.filter((m) => m.group !== "diabetes");
const REGION_PREVENTION = { "02000": 1.08, "03000": 0.85, "04000": 0.78 } as const;

// Module-level helpers rather than closures: this runs tens of millions of times.
const day = (rng: Random, c: CareYear): string => c.days[rng.int(c.firstDay, c.lastDay)] as string;

function service(w: EventWriters, p: Person, n: { code: string; amount: number }, provider: string, category: string, setting: string, date: string): void {
  w.healthcare.line(`${p.id},${date},${n.code},1,${n.amount.toFixed(2)},${provider},${category},${setting}`);
}

function deliver(rng: Random, w: EventWriters, p: Person, c: CareYear, m: Medicine, ddd: number, date: string): void {
  const cheap = m.generic && rng.bernoulli(Math.min(0.95, 0.72 + 0.025 * (c.year - 2019))) ? 1 : 0;
  w.pharmacy.line(`${p.id},${date},${m.cnk},${m.atc},${ddd},${((m.price * ddd) / m.ddd).toFixed(2)},${cheap}`);
}

/** Writes every reimbursed service, delivery and stay of one person-year. */
export function writeCareYear(rng: Random, p: Person, c: CareYear, w: EventWriters): void {
  const { age } = c;
  const d = p.place.deprivation;
  const elderly = age >= 75;
  const prevention = p.prevention * REGION_PREVENTION[p.place.regionCode] * (c.bim ? 0.72 : 1) * (1.1 - 0.25 * d);

  // General practice: most people see a GP; a usual GP gives continuity, more with a GMD.
  if (rng.bernoulli(Math.min(0.97, 0.66 + (age >= 65 ? 0.12 : 0) + (c.chronic ? 0.08 : 0) + (c.gmd ? 0.08 : 0) - (p.place.regionCode === "04000" ? 0.06 : 0)))) {
    const contacts = 1 + rng.poisson(0.9 + (elderly ? 2.2 : 0) + (c.chronic ? 1.2 : 0));
    const continuity = c.gmd ? 0.85 : 0.6;
    for (let i = 0; i < contacts; i++) {
      const gp = rng.bernoulli(continuity) ? p.usualGp : rng.pick(c.gps);
      const home = age >= 80 && rng.bernoulli(0.45);
      service(w, p, home ? NOMENCLATURE.gpHomeVisit : NOMENCLATURE.gpConsultation, gp, "gp", home ? "home" : "ambulatory", day(rng, c));
    }
  }
  const specialist = rng.poisson(0.25 + (age >= 50 ? 0.25 : 0) + (c.chronic ? 0.4 : 0));
  for (let i = 0; i < specialist; i++) service(w, p, NOMENCLATURE.specialistConsultation, "", "specialist", "ambulatory", day(rng, c));
  const emergencies = rng.poisson(0.1 + (c.bim ? 0.06 : 0) + (p.place.regionCode === "04000" ? 0.05 : 0) + (elderly ? 0.1 : 0));
  for (let i = 0; i < emergencies; i++) service(w, p, NOMENCLATURE.emergencyVisit, "", "hospital", "emergency", day(rng, c));

  // Prevention: screening intervals respected, lower among BIM, raised by an action from 2022.
  if (p.sex === "F" && age >= 50 && age <= 69) {
    const recent = c.year - p.lastMammography < 2;
    if (rng.bernoulli(recent ? 0.04 : Math.min(0.95, 0.3 * prevention + c.action))) {
      p.lastMammography = c.year;
      const programme = p.place.regionCode === "02000" ? 0.8 : 0.35;
      service(w, p, rng.bernoulli(programme) ? NOMENCLATURE.screeningMammography : NOMENCLATURE.diagnosticMammography, "", "specialist", "ambulatory", day(rng, c));
    }
  }
  if (p.sex === "F" && age >= 25 && age <= 64) {
    const recent = c.year - p.lastSmear < 3;
    if (rng.bernoulli(recent ? 0.05 : Math.min(0.95, 0.27 * prevention + c.action))) {
      p.lastSmear = c.year;
      service(w, p, NOMENCLATURE.cervicalSmear, rng.bernoulli(0.6) ? p.usualGp : "", rng.bernoulli(0.6) ? "gp" : "specialist", "ambulatory", day(rng, c));
    }
  }
  if (age >= 65 && c.lastDay >= 273 && rng.bernoulli(Math.min(0.95, 0.52 * prevention + (c.chronic ? 0.05 : 0) + c.action))) {
    const date = c.days[rng.int(273, Math.min(c.lastDay, 348))] as string;
    deliver(rng, w, p, c, FLU_VACCINE, 1, date);
    if (rng.bernoulli(0.5)) service(w, p, NOMENCLATURE.fluVaccination, p.usualGp, "gp", "ambulatory", date);
  }
  if (p.diabetic) {
    const tests = rng.poisson(Math.max(0.2, 1.7 * (c.bim ? 0.8 : 1) + c.action * 4));
    for (let i = 0; i < tests; i++) service(w, p, NOMENCLATURE.hba1c, p.usualGp, "gp", "ambulatory", day(rng, c));
    if (rng.bernoulli(Math.min(0.95, 0.5 * (c.bim ? 0.7 : 1) + c.action))) service(w, p, NOMENCLATURE.eyeExam, "", "specialist", "ambulatory", day(rng, c));
  }

  // Medicines: chronic treatments in packs through the year, the odd short course, antibiotics.
  for (const m of p.medicines) {
    // Two large deliveries a year keep the file size in check; each treatment still passes 80 DDD.
    const packs = 2;
    const start = c.firstDay + rng.int(0, 40);
    for (let k = 0; k < packs; k++) {
      const at = Math.min(c.lastDay, start + k * 170 + rng.int(0, 20));
      deliver(rng, w, p, c, m, m.ddd, c.days[at] as string);
      if (at === c.lastDay) break;
    }
  }
  if (rng.bernoulli(0.08 + (age >= 65 ? 0.06 : 0))) {
    const m = rng.pick(OCCASIONAL);
    deliver(rng, w, p, c, m, Math.round(m.ddd / 3), day(rng, c));
  }
  const courses = rng.poisson((0.42 + (age < 10 ? 0.2 : 0) + (elderly ? 0.12 : 0) + (c.bim ? 0.08 : 0)) * c.antibioticFactor);
  for (let i = 0; i < courses; i++) {
    const m = ANTIBIOTICS[rng.weightedIndex(ANTIBIOTIC_WEIGHTS)] as Medicine;
    deliver(rng, w, p, c, m, m.ddd, day(rng, c));
  }

  writeStays(rng, p, c, w);
}

/** Classic and day stays; avoidable admissions are likelier for BIM and diabetics; some readmissions. */
function writeStays(rng: Random, p: Person, c: CareYear, w: EventWriters): void {
  const { age } = c;
  const classic = rng.poisson(0.05 + (age >= 65 ? 0.09 : 0) + (age >= 80 ? 0.12 : 0) + (c.chronic ? 0.05 : 0) + (c.bim ? 0.02 : 0));
  const dayStays = rng.poisson(0.06 + (age >= 50 ? 0.05 : 0));
  const sensitiveShare = 0.12 + (c.bim ? 0.06 : 0) + (p.diabetic ? 0.1 : 0) + (age >= 75 ? 0.06 : 0);
  const write = (admission: number, length: number, emergency: boolean, diagnosis: string, type: "classic" | "day") => {
    const discharge = Math.min(c.lastDay, admission + length);
    const amount = type === "day" ? 950 : 1200 + 650 * (discharge - admission);
    w.stays.line(`${pseudonym(rng, "s")},${p.id},${c.days[admission]},${c.days[discharge]},${type},${emergency ? 1 : 0},${diagnosis},${amount.toFixed(2)}`);
    return discharge;
  };
  for (let i = 0; i < classic; i++) {
    const admission = rng.int(c.firstDay, c.lastDay);
    const length = 1 + Math.floor(-Math.log(1 - rng.next()) * (age >= 75 ? 8 : 4.5));
    const diagnosis = rng.bernoulli(sensitiveShare) ? rng.pick(DIAGNOSES_SENSITIVE) : rng.pick(DIAGNOSES_OTHER);
    const discharge = write(admission, length, rng.bernoulli(0.45), diagnosis, "classic");
    const readmission = discharge + 2 + rng.int(0, 27);
    if (readmission <= c.lastDay && rng.bernoulli(age >= 75 ? 0.13 : 0.08)) {
      write(readmission, 1 + Math.floor(-Math.log(1 - rng.next()) * 5), rng.bernoulli(0.7), diagnosis, "classic");
    }
  }
  for (let i = 0; i < dayStays; i++) {
    const admission = rng.int(c.firstDay, c.lastDay);
    write(admission, 0, false, rng.pick(DIAGNOSES_DAY), "day");
  }
}
