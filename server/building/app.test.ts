// The building server through app.inject(): every address 503 with Retry-After, the page in
// the reader's language, the API's error format with its own code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { API_ERROR_CODES } from "../../core/error-codes.ts";
import { ErrorSchema } from "../schemas.ts";
import { buildingApp } from "./app.ts";
import type { BuildStatus } from "./status.ts";

describe("the building server", () => {
  let app: FastifyInstance;
  let status: BuildStatus = { stages: ["load", "publish", "examples"], current: "load", tables: null, startedAt: 0 };
  beforeAll(async () => {
    app = await buildingApp(() => status, { now: () => 90_000 });
  });
  afterAll(async () => app?.close());

  it("answers the dashboard's addresses with the page, in the address's or the reader's language", async () => {
    const nl = await app.inject({ url: "/nl/zone/ZPL/Z01", headers: { "accept-language": "fr" } });
    expect(nl.statusCode).toBe(503);
    expect(nl.headers["retry-after"]).toBe("5");
    expect(nl.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(nl.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(nl.headers["cache-control"]).toBe("no-store");
    expect(nl.body).toContain("<h1>De demo wordt voorbereid</h1>");
    expect(nl.body).toContain("Begonnen 1 min 30 s geleden.");
    const de = await app.inject({ url: "/", headers: { "accept-language": "de-BE,de;q=0.9" } });
    expect(de.body).toContain("<h1>Die Demo wird vorbereitet</h1>");
  });

  it("follows the build: the page shows what the status says now", async () => {
    status = { ...status, current: "publish", tables: { done: 7, total: 43 } };
    const fr = await app.inject({ url: "/fr/" });
    expect(fr.body).toContain("7 tableaux protégés sur 43");
  });

  it("answers the API with its error format and the code release-building, whatever the method", async () => {
    for (const method of ["GET", "POST"] as const) {
      const r = await app.inject({ method, url: "/api/v1/values?indicator=gmd-coverage" });
      expect(r.statusCode).toBe(503);
      expect(r.headers["retry-after"]).toBe("5");
      const body = r.json();
      expect(ErrorSchema.safeParse(body).success).toBe(true);
      expect(body).toMatchObject({ code: "release-building", params: { stage: "publish" } });
      expect(API_ERROR_CODES).toContain(body.code);
    }
  });
});
