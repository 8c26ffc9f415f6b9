/**
 * The municipal mergers of 1 January 2025 (581 → 565 municipalities): 13 in Flanders, one
 * in Wallonia. `from` lists the 2019–2024 codes; the new code may be one of them (Antwerpen
 * absorbing Borsbeek keeps 11002). Source: Statbel REFNIS 2025.
 */
export interface Merger {
  nisCode: string;
  nameFr: string;
  nameNl: string;
  from: readonly string[];
}

export const MERGERS_2025: readonly Merger[] = [
  { nisCode: "11002", nameFr: "Anvers", nameNl: "Antwerpen", from: ["11002", "11007"] },
  { nisCode: "23106", nameFr: "Pajottegem", nameNl: "Pajottegem", from: ["23023", "23024", "23032"] },
  { nisCode: "37021", nameFr: "Wingene", nameNl: "Wingene", from: ["37012", "37018"] },
  { nisCode: "37022", nameFr: "Tielt", nameNl: "Tielt", from: ["37007", "37015"] },
  { nisCode: "44086", nameFr: "Nazareth-De Pinte", nameNl: "Nazareth-De Pinte", from: ["44012", "44048"] },
  { nisCode: "44087", nameFr: "Lochristi", nameNl: "Lochristi", from: ["44034", "44073"] },
  { nisCode: "44088", nameFr: "Merelbeke-Melle", nameNl: "Merelbeke-Melle", from: ["44040", "44043"] },
  { nisCode: "46029", nameFr: "Lokeren", nameNl: "Lokeren", from: ["44045", "46014"] },
  { nisCode: "46030", nameFr: "Beveren-Kruibeke-Zwijndrecht", nameNl: "Beveren-Kruibeke-Zwijndrecht", from: ["11056", "46003", "46013"] },
  { nisCode: "71071", nameFr: "Tessenderlo-Ham", nameNl: "Tessenderlo-Ham", from: ["71057", "71069"] },
  { nisCode: "71072", nameFr: "Hasselt", nameNl: "Hasselt", from: ["71022", "73040"] },
  { nisCode: "73110", nameFr: "Bilzen-Hoeselt", nameNl: "Bilzen-Hoeselt", from: ["73006", "73032"] },
  { nisCode: "73111", nameFr: "Tongres-Looz", nameNl: "Tongeren-Borgloon", from: ["73009", "73083"] },
  { nisCode: "82039", nameFr: "Bastogne", nameNl: "Bastenaken", from: ["82003", "82005"] },
];

/** The 2025 code each 2019–2024 municipality code became (itself when not merged). */
export function codeIn2025(nis2019: string): string {
  return MERGERS_2025.find((m) => m.from.includes(nis2019))?.nisCode ?? nis2019;
}
