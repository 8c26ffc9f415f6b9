import { CHRONIC_MEDICINES, type Medicine } from "./catalogue.ts";
import { chronicTreatmentMean, diabetesProbability, drawSicknessFund } from "./demography.ts";
import type { Place } from "./place.ts";
import type { Random } from "./random.ts";

/** A synthetic person: stable traits drawn once, conditions that accumulate with age. */
export interface Person {
  id: string;
  birthYear: number;
  sex: "M" | "F";
  place: Place;
  fund: string;
  /** Uniform draws compared with yearly probabilities, so statuses are stable from year to year. */
  bimDraw: number;
  gmdDraw: number;
  chronicDraw: number;
  /** Personal propensity to take part in prevention (screening, vaccination). */
  prevention: number;
  usualGp: string;
  diabetic: boolean;
  medicines: Medicine[];
  lastMammography: number;
  lastSmear: number;
}

const NON_DIABETES = CHRONIC_MEDICINES.filter((m) => m.group !== "diabetes");
const NON_DIABETES_WEIGHTS = NON_DIABETES.map((m) => m.weight);
const METFORMIN = CHRONIC_MEDICINES[0] as Medicine;
const SECOND_LINE = CHRONIC_MEDICINES.slice(1, 4);

/** A pseudonym of 16 hexadecimal characters: never a number that could pass as a national register number. */
export function pseudonym(rng: Random, prefix: string): string {
  const a = Math.floor(rng.next() * 0x100000000)
    .toString(16)
    .padStart(8, "0");
  const b = Math.floor(rng.next() * 0x100000000)
    .toString(16)
    .padStart(8, "0");
  return `${prefix}${a}${b}`;
}

export function createPerson(rng: Random, place: Place, birthYear: number, sex: "M" | "F", age: number, gps: readonly string[]): Person {
  const d = place.deprivation;
  const person: Person = {
    id: pseudonym(rng, "p"),
    birthYear,
    sex,
    place,
    fund: drawSicknessFund(rng, place.regionCode),
    bimDraw: rng.next(),
    gmdDraw: rng.next(),
    chronicDraw: rng.next(),
    prevention: Math.max(0.2, Math.min(1.8, rng.normal(1, 0.3))),
    usualGp: rng.pick(gps),
    diabetic: rng.bernoulli(diabetesProbability(age, d)),
    medicines: [],
    lastMammography: -99,
    lastSmear: -99,
  };
  if (person.diabetic) startDiabetesTreatment(rng, person);
  const count = rng.poisson(chronicTreatmentMean(age, d));
  for (let i = 0; i < count; i++) addMedicine(rng, person);
  return person;
}

/** New diagnoses and treatments with age; some treatments stop. */
export function ageOneYear(rng: Random, person: Person, age: number): void {
  const d = person.place.deprivation;
  if (!person.diabetic && age >= 40 && rng.bernoulli(0.005 * (0.75 + 0.8 * d))) {
    person.diabetic = true;
    startDiabetesTreatment(rng, person);
  }
  // Turnover around the age curve: 5% of treatments stop each year, new ones keep the mean
  // near chronicTreatmentMean and let it grow with age.
  person.medicines = person.medicines.filter((m) => m.group === "diabetes" || !rng.bernoulli(0.05));
  const added = rng.poisson(0.05 * chronicTreatmentMean(age, d) + (age >= 45 ? 0.09 : 0.01));
  for (let i = 0; i < added; i++) addMedicine(rng, person);
}

function startDiabetesTreatment(rng: Random, person: Person): void {
  person.medicines.push(METFORMIN);
  if (rng.bernoulli(0.35)) person.medicines.push(rng.pick(SECOND_LINE));
}

function addMedicine(rng: Random, person: Person): void {
  const medicine = NON_DIABETES[rng.weightedIndex(NON_DIABETES_WEIGHTS)] as Medicine;
  if (!person.medicines.includes(medicine)) person.medicines.push(medicine);
}
