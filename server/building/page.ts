// The page a first start serves at every address while the demo is being built: which stages
// are done, which runs, how long it has taken, in the reader's language. It asks for its own
// address every two seconds: while the answer is still this page it redraws its progress, and
// once anything else answers (the dashboard) it reloads. A failed request is only retried: the
// server is briefly unreachable while the release's server takes over the port, and a plain
// <meta> refresh landing in that gap would leave the reader on the browser's error page.
import { createHash } from "node:crypto";
import { escapeXml } from "../../core/escape-xml.ts";
import { isLanguage, LANGUAGES, preferredLanguage, type Language } from "../../core/languages.ts";
import { BUILD_STAGES, type BuildStage, type BuildStatus } from "./status.ts";
import { BUILDING_TEXTS } from "./texts.ts";

/** The Retry-After of the answers, and the reload of the page without JavaScript. */
export const RELOAD_SECONDS = 5;
/** Requests refused in a row (two seconds apart) before the page says the server is gone: the port changes hands in milliseconds. */
const LOST_AFTER_FAILURES = 5;

const RELOAD_SCRIPT = `(() => {
  let failures = 0;
  const tick = async () => {
    try {
      const answer = await fetch(location.href, { cache: "no-store", headers: { accept: "text/html" } });
      if (answer.status !== 503) return location.reload();
      const next = new DOMParser().parseFromString(await answer.text(), "text/html").querySelector("main");
      if (next) document.querySelector("main").replaceWith(next);
      failures = 0;
    } catch {
      if (++failures >= ${LOST_AFTER_FAILURES}) document.getElementById("lost").hidden = false;
    }
    setTimeout(tick, 2000);
  };
  setTimeout(tick, 2000);
})();`;

/** The CSP source that allows the page's one inline script and no other. */
export const RELOAD_SCRIPT_SOURCE = `'sha256-${createHash("sha256").update(RELOAD_SCRIPT).digest("base64")}'`;

/** The language of a dashboard address (`/nl/…`), else the first of Accept-Language that is ours. */
export function pageLanguage(path: string, acceptLanguage: string | undefined): Language {
  const first = path.split("/")[1];
  if (isLanguage(first)) return first;
  return preferredLanguage(acceptedLanguages(acceptLanguage ?? ""));
}

/** An Accept-Language header's tags, most preferred first ("nl-BE,fr;q=0.8" → nl-BE, fr). */
export function acceptedLanguages(header: string): string[] {
  return header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag !== "" && l.tag !== "*" && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** "42 s", "3 min 05 s": the same in the four languages. */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

type StageState = "done" | "running" | "waiting";

function stageState(status: BuildStatus, stage: BuildStage): StageState {
  // Before the child's first message, its first stage is starting.
  const current = status.current ?? status.stages[0];
  const at = current === undefined ? -1 : status.stages.indexOf(current);
  const i = status.stages.indexOf(stage);
  // A stage this build does not run was done by an earlier start.
  if (i === -1 || i < at) return "done";
  return i === at ? "running" : "waiting";
}

/** The same address in another language: `/fr/indicator/x` → `/nl/indicator/x`, anything else → `/nl/`. */
function inLanguage(path: string, lang: Language): string {
  const parts = path.split("?")[0]!.split("/");
  return isLanguage(parts[1]) ? `/${[lang, ...parts.slice(2)].join("/")}` : `/${lang}/`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;margin:0;background:#fafafa}
main{max-width:40rem;margin:3rem auto;padding:0 1rem}nav a{margin-right:.75rem}
ol{padding-left:1.25rem}li{margin:.4rem 0}.state{color:#5c5c5c}li.running{font-weight:600}
li.done .state{color:#1b6e3a}.note{background:#fff3cd;padding:.5rem .75rem;border-radius:4px}
.lost{background:#fde2e1;padding:.5rem .75rem;border-radius:4px}`;

export function buildingPage(status: BuildStatus, lang: Language, path: string, now: number): string {
  const t = BUILDING_TEXTS[lang];
  const stages = BUILD_STAGES.map((stage) => {
    const state = stageState(status, stage);
    const tables = state === "running" && status.tables ? ` · ${t.tables.replace("{done}", String(status.tables.done)).replace("{total}", String(status.tables.total))}` : "";
    return `<li class="${state}">${escapeXml(t.stages[stage])} <span class="state">(${escapeXml(t.state[state])}${escapeXml(tables)})</span></li>`;
  }).join("");
  const links = LANGUAGES.map((l) => `<a href="${escapeXml(inLanguage(path, l))}" hreflang="${l}" lang="${l}"${l === lang ? ' aria-current="page"' : ""}>${l.toUpperCase()}</a>`).join("");
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><noscript><meta http-equiv="refresh" content="${RELOAD_SECONDS}"></noscript>
<title>${escapeXml(t.title)}</title><style>${STYLE}</style></head>
<body><main>
<nav aria-label="${escapeXml(t.languages)}">${links}</nav>
<h1>${escapeXml(t.heading)}</h1>
<p>${escapeXml(t.intro)}</p>
<p class="note">${escapeXml(t.synthetic)}</p>
<ol>${stages}</ol>
<p role="status">${escapeXml(t.elapsed.replace("{elapsed}", elapsedText(now - status.startedAt)))} ${escapeXml(t.refresh)}</p>
<p id="lost" class="lost" role="alert" hidden>${escapeXml(t.lost)}</p>
</main><script>${RELOAD_SCRIPT}</script></body>
</html>
`;
}
