import { areaKey, LANGS, type AreaRow, type Catalog, type Lang } from "./catalog.ts";

/** Lower case, accents and punctuation dropped: "Liège" = "liege", "Sint-Niklaas" = "sint niklaas". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

interface Entry {
  area: AreaRow;
  names: Record<Lang, string>;
}

export interface SearchHit {
  area: AreaRow;
  matched: "name" | "code";
  score: number;
  zones: { area: AreaRow; partial: boolean }[];
}

const LEVEL_RANK: Record<string, number> = { zone: 0, municipality: 1, region: 2, province: 3 };

function nameScore(name: string, q: string): number {
  if (name === q) return 100;
  if (name.startsWith(q)) return 80;
  if (name.includes(` ${q}`)) return 60;
  if (name.includes(q)) return 40;
  return 0;
}

/** Zone, municipality, region and province names in four languages, and NIS codes. */
export class SearchIndex {
  private readonly entries: Entry[];

  constructor(private readonly catalog: Catalog) {
    this.entries = catalog.areas.filter((a) => a.level !== "belgium").map((area) => ({ area, names: Object.fromEntries(LANGS.map((l) => [l, fold(area[`name_${l}`])])) as Record<Lang, string> }));
  }

  search(query: string, lang: Lang, limit: number, system?: string): SearchHit[] {
    const q = fold(query);
    if (!q) return [];
    const digits = /^\d+$/.test(q);
    const hits: SearchHit[] = [];
    for (const e of this.entries) {
      if (system !== undefined && e.area.level === "zone" && e.area.system_code !== system) continue;
      let score = 0;
      let matched: SearchHit["matched"] = "name";
      if (digits || e.area.level === "zone") {
        const c = e.area.area_code.toLowerCase();
        if (c === q) score = 90;
        else if (c.startsWith(q) && q.length >= 2) score = 70;
        if (score) matched = "code";
      }
      for (const l of LANGS) {
        // The reader's language wins ties: "Luik" typed in Dutch ranks the Dutch name first.
        const s = nameScore(e.names[l], q) + (l === lang ? 5 : 0);
        if (s > 5 && s > score) {
          score = s;
          matched = "name";
        }
      }
      if (score > 5) hits.push({ area: e.area, matched, score, zones: [] });
    }
    hits.sort((a, b) => b.score - a.score || (LEVEL_RANK[a.area.level] ?? 9) - (LEVEL_RANK[b.area.level] ?? 9) || a.area[`name_${lang}`].localeCompare(b.area[`name_${lang}`], lang));
    const top = hits.slice(0, limit);
    // A town's zones: a user typing their municipality finds the zone it belongs to.
    for (const hit of top.filter((h) => h.area.level === "municipality")) {
      const seen = new Map<string, { area: AreaRow; partial: boolean }>();
      for (const m of this.catalog.zonesOfMunicipality.get(hit.area.area_code) ?? []) {
        if (system !== undefined && m.system_code !== system) continue;
        const zone = this.catalog.area.get(areaKey("zone", m.system_code, m.zone_code));
        if (!zone) continue;
        const key = `${m.system_code}|${m.zone_code}`;
        const partial = m.sector_code !== null;
        const prior = seen.get(key);
        seen.set(key, { area: zone, partial: prior ? prior.partial && partial : partial });
      }
      hit.zones = [...seen.values()];
    }
    return top;
  }
}
