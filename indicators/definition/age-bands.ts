/**
 * Age bands of the `age-band` breakdown. By default the five bands 0–17, 18–44, 45–64, 65–74
 * and 75+; a definition may ask for its own (`age-bands: [[0, 11], [12, 17], [18, 120]]`),
 * contiguous, covering its population's ages, the last one open (120, "no upper limit") or
 * ending at the population's oldest age.
 *
 * A band's label is its stratum value in the cells, the release and the API: `12-17`, or `65+`
 * when it is open. Labels are written from the ages alone, so the same label always means the
 * same ages, whichever definition uses it: disclosure control relies on it to tie the age
 * cells of definitions that count the same persons with different bands
 * (release/sdc-model.ts). Direct and indirect standardisation keep the 19 bands of the European
 * Standard Population 2013 whatever the breakdown says (compute/statistics.ts).
 */
import { MAX_AGE } from "./vocabulary.ts";

/** [youngest, oldest], inclusive; oldest `MAX_AGE` (120) means no upper limit. */
export type AgeBand = readonly [number, number];

export const DEFAULT_AGE_BANDS: readonly AgeBand[] = [
  [0, 17],
  [18, 44],
  [45, 64],
  [65, 74],
  [75, MAX_AGE],
];

export function bandLabel([from, to]: AgeBand): string {
  return to >= MAX_AGE ? `${from}+` : `${from}-${to}`;
}

/** The default bands' labels: `0-17`, `18-44`, `45-64`, `65-74`, `75+`. */
export const DEFAULT_AGE_BAND_LABELS: readonly string[] = DEFAULT_AGE_BANDS.map(bandLabel);

/** The ages a label stands for; `to` is Infinity for an open band. Undefined if it is not a band label. */
export function parseBandLabel(label: string): { from: number; to: number } | undefined {
  const m = /^(\d{1,3})(?:-(\d{1,3})|\+)$/.exec(label);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? Infinity : Number(m[2]);
  return from <= to ? { from, to } : undefined;
}

/** The bands a definition's `age-band` breakdown uses. */
export function ageBandsOf(def: { "age-bands"?: readonly AgeBand[] | undefined }): readonly AgeBand[] {
  return def["age-bands"] ?? DEFAULT_AGE_BANDS;
}

export function ageBandLabelsOf(def: { "age-bands"?: readonly AgeBand[] | undefined }): string[] {
  return ageBandsOf(def).map(bandLabel);
}

/** Whether a definition uses bands of its own (not the default five). */
export function hasCustomAgeBands(def: { "age-bands"?: readonly AgeBand[] | undefined }): boolean {
  const bands = def["age-bands"];
  return bands !== undefined && bandLabels(bands) !== bandLabels(DEFAULT_AGE_BANDS);
}

const bandLabels = (bands: readonly AgeBand[]) => bands.map(bandLabel).join(",");
/** A key naming a set of bands: equal keys, equal bands. */
export const bandsKey = bandLabels;

/**
 * SQL: the label of the band holding `age` (an integer expression), NULL outside every band.
 * Labels are digits, `-` and `+` only (bandLabel), so they need no escaping.
 */
export function ageBandSql(age: string, bands: readonly AgeBand[]): string {
  // The first band starts at 0 or at the population's youngest age: those younger are in no band.
  const whens = bands.map((b) => `WHEN ${age} >= ${b[0]}${b[1] >= MAX_AGE ? "" : ` AND ${age} <= ${b[1]}`} THEN '${bandLabel(b)}'`);
  return `CASE ${whens.join(" ")} END`;
}

/**
 * What is wrong with a definition's bands, for rules.ts: `path` inside `age-bands`. `population`:
 * the definition's age range, if it has one.
 */
export function ageBandProblems(bands: readonly AgeBand[], population: AgeBand | undefined): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const [min, max] = population ?? [0, MAX_AGE];
  const ages = population ? `the population's ages (${min}–${max >= MAX_AGE ? "no upper limit" : max})` : "everyone's ages (no `population.age`: 0 and over)";
  const open = (to: number) => to >= MAX_AGE;
  const shown = (b: AgeBand) => `[${b[0]}, ${b[1]}]`;
  if (bands.length < 2) add([], "list at least two bands: one band is the total (or leave `age-bands` out for the default 0–17, 18–44, 45–64, 65–74, 75+)");
  bands.forEach((b, i) => {
    if (b[0] > b[1]) add([i], `write a band youngest first: [${b[1]}, ${b[0]}], not ${shown(b)}`);
  });
  if (problems.length > 0) return problems;
  const first = bands[0]!;
  if (first[0] !== min && first[0] !== 0)
    add([0, 0], `the first band starts at ${first[0]}: it must start at ${min === 0 ? "0" : `${min} (the population's youngest age) or 0`}, so that every person of ${ages} is in a band`);
  for (let i = 1; i < bands.length; i++) {
    const [prev, b] = [bands[i - 1]!, bands[i]!];
    if (open(prev[1])) add([i - 1, 1], `band ${shown(prev)} is open (120: no upper limit), so it must be the last one`);
    else if (b[0] <= prev[1]) add([i, 0], `band ${shown(b)} overlaps band ${shown(prev)}: bands must not overlap (start this one at ${prev[1] + 1})`);
    else if (b[0] > prev[1] + 1)
      add([i, 0], `bands must be contiguous: ${b[0] - 1 === prev[1] + 1 ? `age ${prev[1] + 1} is` : `ages ${prev[1] + 1}–${b[0] - 1} are`} in no band (start this one at ${prev[1] + 1})`);
  }
  const last = bands.at(-1)!;
  if (!open(last[1]) && last[1] !== max) {
    add(
      [bands.length - 1, 1],
      `the last band ends at ${last[1]}: it must be open (write 120: no upper limit)${open(max) ? "" : ` or end at ${max}, the population's oldest age`}, so that every person of ${ages} is in a band`,
    );
  }
  bands.forEach((b, i) => {
    if (b[0] > max) add([i], `band ${shown(b)} lies above ${ages}: nobody would be in it`);
    else if (b[1] < min) add([i], `band ${shown(b)} lies below ${ages}: nobody would be in it`);
  });
  return problems;
}
