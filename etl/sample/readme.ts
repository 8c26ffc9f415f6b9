import type { SampleOptions } from "./generate.ts";

/** The notice every sample directory carries: it is synthetic, how it was made, what to find in it. */
export function sampleReadme(o: SampleOptions, people: number, rows: Record<string, number>, improving: string[]): string {
  return `# SYNTHETIC DATA: Boussole sample extract

Everything in this directory is invented by \`boussole sample\`. No row describes a real person,
service, provider or survey. Do not mistake any figure here for a statistic about Belgium.

- seed ${o.seed}, scale ${o.scale} (share of Belgium's 11.8 million inhabitants), years ${o.firstYear}–${o.lastYear}
- ${people.toLocaleString("en")} synthetic people; ${Object.entries(rows)
    .map(([k, v]) => `${k}: ${v.toLocaleString("en")} rows`)
    .join("; ")}

What is real: the three regions and ten provinces (codes and names), the 19 Brussels
municipalities (codes, names, approximate populations) and the five Brussels bassins d'aide et de
soins. Everything else is fictional and looks it: municipality codes use arrondissement digit 9 (or
28 in Walloon Brabant), which no real arrondissement uses; names end in a serial number; sector codes
contain an underscore; nomenclature codes (99xxxx) and CNK codes (99xxxxx) are made up. ATC and
ICD-10 codes are the real classifications. Boundaries are Voronoi cells clipped to Belgium's
outline: approximate, not official.

Improvement actions started in 2022 in zones ${improving.join(", ")}: their screening,
vaccination, GMD coverage and diabetes follow-up rise from 2022 on.
`;
}
