import type { Release } from "./api.ts";
import { formatDate } from "./format.ts";
import { t } from "./i18n/index.ts";
import type { Lang } from "./route.ts";

/**
 * "boussole sample (synthetic data), 2019–2024, published 2 December 2026 (release 1a2b…), data up to 2024":
 * the release's title in the reader's language beside its id; "data up to" is the last period in the data.
 */
export function releaseLabel(r: Pick<Release, "releaseId" | "createdAt" | "synthetic" | "producer" | "years">, lang: Lang): string {
  const source = `${r.producer ?? "Boussole"}${r.synthetic ? ` (${t(lang, "release.syntheticShort")})` : ""}`;
  const years = r.years ? (r.years.first === r.years.last ? String(r.years.last) : `${r.years.first}–${r.years.last}`) : "–";
  const title = t(lang, "release.title", { source, years, date: formatDate(r.createdAt, lang) });
  return t(lang, "release.label", { title, id: r.releaseId.slice(0, 12), period: r.years ? String(r.years.last) : "–" });
}
