import type { SampleOptions } from "./generate.ts";

/** The notice every sample directory carries: it is synthetic, how it was made, what to find in it. */
export function sampleReadme(o: SampleOptions, people: number, rows: Record<string, number>, improving: string[]): string {
  return `# SYNTHETIC DATA: Boussole sample extract

Everything in this directory is invented by \`boussole sample\`. No row describes a real person,
service, provider or survey. Do not mistake any figure here for a statistic about Belgium.

- seed ${o.seed}, scale ${o.scale} (share of Belgium's 11.49 million inhabitants of 1 January 2020), years ${o.firstYear}–${o.lastYear}
- ${people.toLocaleString("en")} synthetic people; ${Object.entries(rows)
    .map(([k, v]) => `${k}: ${v.toLocaleString("en")} rows`)
    .join("; ")}

What is real: Belgium's geography as Boussole ships it (geography/): the 565 municipalities of
2025 with their codes, names, boundaries and Statbel 2020 populations; regions and provinces; the
Flemish primary-care zones and Antwerp's sub-zones; the five Brussels bassins d'aide et de soins;
the German-speaking Community. Approximations: Bruxelles-Ville's three pseudo-sectors
(21004_NORD, 21004_CENTRE, 21004_SUD, cut by latitude) and the provisional Walloon OLS (one per
arrondissement). Everything about the people is invented: each municipality's deprivation score,
every person, service, delivery, stay, survey answer and count. Nomenclature codes (99xxxx) and
CNK codes (99xxxxx) are made up; ATC and ICD-10 codes are the real classifications.

Improvement actions started in 2022 in zones ${improving.join(", ")}: their screening,
vaccination, GMD coverage and diabetes follow-up rise from 2022 on.
`;
}
