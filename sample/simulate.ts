import { writeCareYear, type EventWriters } from "./care-events.ts";
import { bimProbability, chronicProbability, deathProbability, drawAge, drawSex, gmdProbability } from "./demography.ts";
import { ageOneYear, createPerson, type Person } from "./person.ts";
import type { Place } from "./place.ts";
import type { Random } from "./random.ts";
import { daysOfYear, type TextFileWriter } from "../core/text-writer.ts";

export interface SimulationOptions {
  scale: number;
  firstYear: number;
  lastYear: number;
}

const MAX_AGE = 110;

/** Inhabitants on 1 January, by year, municipality, sex and age: what Statbel's population structure counts. */
export class PopulationCount {
  /** Key: ((year × 100000 + NIS code) × 2 + sex) × 128 + age. */
  private readonly counts = new Map<number, number>();

  add(year: number, nisCode: string, sex: "M" | "F", age: number, count = 1): void {
    const key = ((year * 100_000 + Number(nisCode)) * 2 + (sex === "F" ? 1 : 0)) * 128 + Math.min(age, MAX_AGE);
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
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

/** One place's people being simulated: what every person-year needs, gathered once. */
interface PlaceRun {
  rng: Random;
  place: Place;
  o: SimulationOptions;
  population: TextFileWriter;
  events: EventWriters;
  gps: readonly string[];
  /** Counts on 1 January, indexed ((year − first) × 2 + female) × (MAX_AGE + 1) + age: cheaper than a map per person. */
  counts: Int32Array;
}

const BIRTH_RATE = 0.0098;

/** Antibiotic use falls slowly, with a dip in the COVID years 2020–2021. */
const antibioticFactor = (year: number) => (year === 2020 ? 0.68 : year === 2021 ? 0.72 : 1 - 0.025 * (year - 2019));

/** Improvement actions started in 2022 raise process indicators a little more each year. */
const actionEffect = (place: Place, year: number) => (place.improving && year >= 2022 ? 0.05 * (year - 2021) : 0);

function count(run: PlaceRun, year: number, sex: "M" | "F", age: number): void {
  const at = ((year - run.o.firstYear) * 2 + (sex === "F" ? 1 : 0)) * (MAX_AGE + 1) + Math.min(age, MAX_AGE);
  run.counts[at] = (run.counts[at] as number) + 1;
}

/**
 * Simulates the people of one place over the years: the initial population, then births,
 * ageing, new conditions and deaths, writing each person-year and its care as it goes.
 */
export function simulatePlace(rng: Random, place: Place, o: SimulationOptions, population: TextFileWriter, events: EventWriters, census: PopulationCount, gps: readonly string[]): number {
  const years = o.lastYear - o.firstYear + 1;
  const run: PlaceRun = { rng, place, o, population, events, gps, counts: new Int32Array(years * 2 * (MAX_AGE + 1)) };
  const initial = Math.round(place.population * o.scale);
  let people = 0;
  for (let i = 0; i < initial; i++) {
    const age = drawAge(rng, place.regionCode);
    // Ages are those on 1 January of the first year.
    const person = createPerson(rng, place, o.firstYear - 1 - age, drawSex(rng, age), age, gps);
    count(run, o.firstYear, person.sex, age);
    live(run, person, o.firstYear, 0);
    people++;
  }
  for (let y = o.firstYear; y <= o.lastYear; y++) {
    const births = rng.poisson(initial * BIRTH_RATE);
    for (let i = 0; i < births; i++) {
      const person = createPerson(rng, place, y, rng.bernoulli(0.512) ? "M" : "F", 0, gps);
      live(run, person, y, rng.int(0, daysOfYear(y).length - 1));
      people++;
    }
  }
  run.counts.forEach((n, i) => {
    if (n === 0) return;
    const age = i % (MAX_AGE + 1);
    const rest = (i - age) / (MAX_AGE + 1);
    census.add(o.firstYear + Math.floor(rest / 2), place.nisCode, rest % 2 ? "F" : "M", age, n);
  });
  return people;
}

function live(run: PlaceRun, p: Person, fromYear: number, birthDay: number): void {
  const { rng, place, o } = run;
  for (let year = fromYear; year <= o.lastYear; year++) {
    const age = year - p.birthYear;
    if (year > fromYear) ageOneYear(rng, p, age);
    const bim = p.bimDraw < bimProbability(age, place.regionCode, place.deprivation, year);
    const action = actionEffect(place, year);
    const gmd = p.gmdDraw < gmdProbability(age, place.regionCode, place.deprivation, year, action);
    const chronic = p.diabetic || p.chronicDraw < chronicProbability(age, bim);
    const days = daysOfYear(year);
    const dies = rng.bernoulli(deathProbability(age, p.sex, bim, place.deprivation));
    const firstDay = year === fromYear ? birthDay : 0;
    const lastDay = dies ? rng.int(firstDay, days.length - 1) : days.length - 1;
    const deathDate = dies ? days[lastDay] : "";
    run.population.line(`${year};${p.id};${p.birthYear};${p.sex};${place.nisCode};${place.sectorCode ?? ""};${deathDate};${bim ? 1 : 0};${gmd ? 1 : 0};${chronic ? 1 : 0};${p.fund}`);
    writeCareYear(rng, p, { year, age, bim, gmd, chronic, action, firstDay, lastDay, days, antibioticFactor: antibioticFactor(year), gps: run.gps }, run.events);
    if (dies) return;
    // On 1 January of the next year the person is alive, aged (year − birth year) completed years.
    if (year < o.lastYear) count(run, year + 1, p.sex, age);
  }
}
