import { writeCareYear, type EventWriters } from "./care-events.ts";
import { bimProbability, chronicProbability, deathProbability, drawAge, drawSex, gmdProbability } from "./demography.ts";
import { ageOneYear, createPerson, type Person } from "./person.ts";
import type { Place } from "./place.ts";
import type { Random } from "./random.ts";
import { daysOfYear, type TextFileWriter } from "./text-writer.ts";

export interface SimulationOptions {
  scale: number;
  firstYear: number;
  lastYear: number;
}

/** Inhabitants on 1 January, by year, place, sex and age: what Statbel's population structure counts. */
export class PopulationCount {
  /** Key: ((year × 100000 + NIS code) × 2 + sex) × 128 + age; numbers, not strings, on this hot path. */
  private readonly counts = new Map<number, number>();

  add(year: number, nisCode: string, sex: "M" | "F", age: number): void {
    const key = ((year * 100_000 + Number(nisCode)) * 2 + (sex === "F" ? 1 : 0)) * 128 + Math.min(age, 110);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  toArray(): [number, number][] {
    return [...this.counts];
  }

  merge(entries: [number, number][]): void {
    for (const [key, count] of entries) this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  *entries(): Generator<{ year: number; nisCode: string; sex: "M" | "F"; age: number; count: number }> {
    for (const [key, count] of this.counts) {
      const age = key % 128;
      const rest = (key - age) / 128;
      const female = rest % 2;
      const yearNis = (rest - female) / 2;
      const nis = yearNis % 100_000;
      yield { year: (yearNis - nis) / 100_000, nisCode: String(nis).padStart(5, "0"), sex: female ? "F" : "M", age, count };
    }
  }
}

const BIRTH_RATE = 0.0098;

/** Antibiotic use falls slowly, with a dip in the COVID years 2020–2021. */
const antibioticFactor = (year: number) => (year === 2020 ? 0.68 : year === 2021 ? 0.72 : 1 - 0.025 * (year - 2019));

/** Improvement actions started in 2022 raise process indicators a little more each year. */
const actionEffect = (place: Place, year: number) => (place.improving && year >= 2022 ? 0.05 * (year - 2021) : 0);

/**
 * Simulates the people of one place over the years: the initial population, then births,
 * ageing, new conditions and deaths, writing each person-year and its care as it goes.
 */
export function simulatePlace(
  rng: Random,
  place: Place,
  o: SimulationOptions,
  population: TextFileWriter,
  events: EventWriters,
  census: PopulationCount,
  gps: readonly string[],
): number {
  const days = new Map<number, string[]>();
  for (let y = o.firstYear; y <= o.lastYear; y++) days.set(y, daysOfYear(y));
  const initial = Math.round(place.population * o.scale);
  let people = 0;
  for (let i = 0; i < initial; i++) {
    const age = drawAge(rng, place.regionCode);
    // Ages are those on 1 January of the first year.
    const person = createPerson(rng, place, o.firstYear - 1 - age, drawSex(rng, age), age, gps);
    census.add(o.firstYear, place.nisCode, person.sex, age);
    live(rng, person, o.firstYear, 0, o, days, population, events, census);
    people++;
  }
  for (let y = o.firstYear; y <= o.lastYear; y++) {
    const births = rng.poisson(initial * BIRTH_RATE);
    for (let i = 0; i < births; i++) {
      const person = createPerson(rng, place, y, rng.bernoulli(0.512) ? "M" : "F", 0, gps);
      live(rng, person, y, rng.int(0, (days.get(y) as string[]).length - 1), o, days, population, events, census);
      people++;
    }
  }
  return people;
}

function live(
  rng: Random,
  p: Person,
  fromYear: number,
  birthDay: number,
  o: SimulationOptions,
  days: Map<number, string[]>,
  population: TextFileWriter,
  events: EventWriters,
  census: PopulationCount,
): void {
  const place = p.place;
  for (let year = fromYear; year <= o.lastYear; year++) {
    const age = year - p.birthYear;
    if (year > fromYear) ageOneYear(rng, p, age);
    const bim = p.bimDraw < bimProbability(age, place.regionCode, place.deprivation, year);
    const action = actionEffect(place, year);
    const gmd = p.gmdDraw < gmdProbability(age, place.regionCode, place.deprivation, year, action);
    const chronic = p.diabetic || p.chronicDraw < chronicProbability(age, bim);
    const yearDays = days.get(year) as string[];
    const dies = rng.bernoulli(deathProbability(age, p.sex, bim, place.deprivation));
    const firstDay = year === fromYear ? birthDay : 0;
    const lastDay = dies ? rng.int(firstDay, yearDays.length - 1) : yearDays.length - 1;
    const deathDate = dies ? yearDays[lastDay] : "";
    population.line(
      `${year};${p.id};${p.birthYear};${p.sex};${place.nisCode};${place.sectorCode ?? ""};${deathDate};${bim ? 1 : 0};${gmd ? 1 : 0};${chronic ? 1 : 0};${p.fund}`,
    );
    writeCareYear(rng, p, { year, age, bim, gmd, chronic, action, firstDay, lastDay, days: yearDays, antibioticFactor: antibioticFactor(year) }, events);
    if (dies) return;
    if (year < o.lastYear) census.add(year + 1, place.nisCode, p.sex, age);
  }
}
