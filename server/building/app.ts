// The server of a first start while the demo is being built: every address answers 503 with
// Retry-After, the dashboard's addresses with the building page (page.ts) in the reader's
// language, the API's with its JSON error (code `release-building`). No release, no data.
import { STATUS_CODES } from "node:http";
import Fastify, { type FastifyInstance } from "fastify";
import { clientErrorHandler } from "../early-answers.ts";
import { buildingPage, pageLanguage, RELOAD_SCRIPT_SOURCE, RELOAD_SECONDS } from "./page.ts";
import type { BuildStatus } from "./status.ts";

/** The page's own inline style and script (by its hash), and requests for its own address only. */
const HEADERS = {
  "content-security-policy": `default-src 'none'; script-src ${RELOAD_SCRIPT_SOURCE}; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "retry-after": String(RELOAD_SECONDS),
};

export interface BuildingAppOptions {
  /** The clock of the page's elapsed time (tests). */
  now?: () => number;
}

export async function buildingApp(status: () => BuildStatus, o: BuildingAppOptions = {}): Promise<FastifyInstance> {
  const now = o.now ?? Date.now;
  const app = Fastify({ logger: false, clientErrorHandler });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url;
    void reply.code(503).headers(HEADERS);
    const current = status();
    if (path === "/api" || path.startsWith("/api/")) {
      return reply.send({
        error: STATUS_CODES[503],
        message: `the demo is being built (${current.current ?? "starting"}); try again in a few seconds`,
        code: "release-building",
        params: { stage: current.current ?? "starting" },
      });
    }
    return reply.type("text/html; charset=utf-8").send(buildingPage(current, pageLanguage(path, request.headers["accept-language"]), path, now()));
  });
  await app.ready();
  return app;
}
