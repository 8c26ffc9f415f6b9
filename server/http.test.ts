import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, temporaryDirectory, testApp } from "./test-support/app.ts";

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const PROFILE = "/api/v1/profile/zone/Z04?system=ZPL";

describe("caching", () => {
  it("answers 304 to a matching If-None-Match, with the ETag and public caching", async () => {
    const first = await app.inject({ url: PROFILE });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]{22}"$/);
    expect(first.headers["cache-control"]).toBe("public, max-age=300");
    const again = await app.inject({ url: PROFILE, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(etag);
    expect(again.headers["cache-control"]).toBe("public, max-age=300");
    expect((await app.inject({ url: PROFILE, headers: { "if-none-match": `W/"other", ${etag}` } })).statusCode).toBe(304);
    expect((await app.inject({ url: PROFILE, headers: { "if-none-match": 'W/"other"' } })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/v1/profile/zone/Z05?system=ZPL" })).headers.etag).not.toBe(etag);
  });

  it("says a first look is one, and lets browsers keep its answers only to ask again (it is replaced within minutes)", async () => {
    const firstLook = await testApp({ preview: true });
    try {
      const release = await firstLook.inject({ url: "/api/v1/release" });
      expect(release.json()).toMatchObject({ preview: true });
      const profile = await firstLook.inject({ url: PROFILE });
      expect(profile.headers["cache-control"]).toBe("no-cache");
      expect(profile.headers.etag).toMatch(/^W\//);
    } finally {
      await firstLook.close();
    }
    expect((await app.inject({ url: "/api/v1/release" })).json()).toMatchObject({ preview: false });
  });

  it("gives equal normalised queries the same ETag", async () => {
    const a = await app.inject({ url: "/api/v1/values?indicator=gmd-coverage&level=zone&years=2024,2023" });
    const b = await app.inject({ url: "/api/v1/values?years=2023,2024,2023&level=zone&indicator=gmd-coverage&stratum=total" });
    expect(a.headers.etag).toBe(b.headers.etag);
    expect(a.body).toBe(b.body);
  });

  it("puts no ETag nor public caching on errors", async () => {
    const r = await app.inject({ url: "/api/v1/values?indicator=nope" });
    expect(r.statusCode).toBe(404);
    expect(r.headers.etag).toBeUndefined();
    expect(r.headers["cache-control"]).toBeUndefined();
  });
});

describe("compression", () => {
  it("compresses JSON and CSV with br or gzip as the client accepts, not Arrow", async () => {
    const plain = await app.inject({ url: PROFILE });
    const br = await app.inject({ url: PROFILE, headers: { "accept-encoding": "br, gzip" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gzip = await app.inject({ url: "/api/v1/values?indicator=gmd-coverage&format=csv&years=2024", headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.rawPayload).toString()).toMatch(/^indicator_id,year,/);
    const arrow = await app.inject({ url: "/api/v1/values?indicator=gmd-coverage&format=arrow", headers: { "accept-encoding": "br, gzip" } });
    expect(arrow.headers["content-encoding"]).toBeUndefined();
    // A 304 stays a 304 under compression.
    expect((await app.inject({ url: PROFILE, headers: { "accept-encoding": "br", "if-none-match": br.headers.etag as string } })).statusCode).toBe(304);
  });
});

describe("security", () => {
  it("sends security headers and a CSP that allows the app's own files and data:/blob: images", async () => {
    const r = await app.inject({ url: "/api/v1/release" });
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(r.headers["referrer-policy"]).toBe("no-referrer");
    const csp = r.headers["content-security-policy"] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("relaxes the CSP for Swagger UI on /api/docs only", async () => {
    const ui = await app.inject({ url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers["content-type"]).toMatch(/text\/html/);
    const csp = ui.headers["content-security-policy"] as string;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain("unsafe-eval");
    expect((await app.inject({ url: "/api/docs/static/swagger-ui-bundle.js" })).statusCode).toBe(200);
  });

  it("answers an internal error with a generic message and request id, logging the details", async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const broken = await testApp({ logger: { level: "error", stream } });
    try {
      // A DuckDB failure whose message holds the file's path.
      broken.releases.release.db.close();
      const r = await broken.inject({ url: "/api/v1/values?indicator=gmd-coverage&years=2024" });
      expect(r.statusCode).toBe(500);
      const body = JSON.parse(r.body) as { error: string; message: string; requestId: string };
      expect(body.error).toBe("Internal Server Error");
      expect(body.requestId).toBe(r.headers["x-request-id"]);
      expect(body.message).toContain(body.requestId);
      expect(r.body).not.toMatch(/duckdb|\/tmp|boussole-|\bat\s|\.ts\b|closed/i);
      expect(r.headers.etag).toBeUndefined();
      const log = lines.join("");
      expect(log).toContain(body.requestId);
      expect(log).toContain("is closed");
    } finally {
      await broken.close();
    }
  });

  it("answers malformed URLs in the API's error format", async () => {
    const long = await getJson(app, `/api/v1/indicators/${"a".repeat(300)}`);
    expect(long).toMatchObject({ status: 414, body: { error: "URI Too Long", message: "a path parameter is longer than 200 characters" } });
    const bad = await getJson(app, "/api/v1/indicators/%E0%A4%A");
    expect(bad).toMatchObject({ status: 400, body: { error: "Bad Request", message: "the URL is malformed" } });
  });

  it("rate-limits per client when enabled, with 429 in the API's error format", async () => {
    const limited = await testApp({ rateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.inject({ url: "/api/v1/release" })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const r = await limited.inject({ url: "/api/v1/release" });
      expect(JSON.parse(r.body)).toMatchObject({ error: "Too Many Requests", message: expect.stringMatching(/Rate limit exceeded/) });
      expect(r.headers["retry-after"]).toBeDefined();
    } finally {
      await limited.close();
    }
    // Off by default (the shared test app answered every request above).
    expect((await app.inject({ url: "/api/v1/release" })).headers["x-ratelimit-limit"]).toBeUndefined();
  });
});

describe("the web app", () => {
  it("serves web/dist at / with an SPA fallback for non-API paths", async () => {
    const web = join(temporaryDirectory(), "dist");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><title>Boussole</title>");
    writeFileSync(join(web, "assets", "app-1a2b3c.js"), "console.log(1)");
    const site = await testApp({ webDir: web });
    try {
      const index = await site.inject({ url: "/" });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain("<title>Boussole</title>");
      expect(index.headers["cache-control"]).toBe("no-cache");
      expect(index.headers["content-security-policy"]).toContain("script-src 'self'");
      const asset = await site.inject({ url: "/assets/app-1a2b3c.js" });
      expect(asset.body).toBe("console.log(1)");
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      const deep = await site.inject({ url: "/fr/zone/ZPL/Z04?year=2024" });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain("<title>Boussole</title>");
      const api = await site.inject({ url: "/api/v1/nothing" });
      expect(api.statusCode).toBe(404);
      expect(JSON.parse(api.body)).toEqual({ error: "Not Found", message: "no route GET /api/v1/nothing (see /api/docs)", code: "no-route" });
    } finally {
      await site.close();
    }
  });

  it("answers 404 JSON at / when there is no built app", async () => {
    const r = await getJson(app, "/");
    expect(r.status).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  const ROUTES: Record<string, string[]> = {
    "/api/v1/release": [],
    "/api/v1/geography/levels": [],
    "/api/v1/geography/systems": [],
    "/api/v1/geography/areas": ["level", "system"],
    "/api/v1/geography/search": ["q", "lang", "system", "limit"],
    "/api/v1/geography/zones/{system}/{zone}": ["system", "zone"],
    "/api/v1/geography/boundaries": ["level", "system", "format"],
    "/api/v1/indicators": ["aim", "type"],
    "/api/v1/indicators/{id}": ["id"],
    "/api/v1/indicators/{id}/periods": ["id", "level", "system", "area", "format"],
    "/api/v1/values": ["indicator", "years", "level", "system", "areas", "stratum", "format"],
    "/api/v1/profile/{level}/{area}": ["level", "area", "system"],
    "/api/v1/compare": ["indicator", "areas", "years", "stratum"],
    "/api/v1/equity": ["indicator", "level", "system", "areas", "year"],
  };

  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = JSON.parse((await app.inject({ url: "/api/docs/json" })).body);
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
    expect(doc.openapi).toBe("3.1.0");
  });

  it("lists every route with its parameters, and the parameters each route accepts", async () => {
    const doc = JSON.parse((await app.inject({ url: "/api/docs/json" })).body) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, unknown> } }>;
    };
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [path, params] of Object.entries(ROUTES)) {
      const op = doc.paths[path]?.get;
      expect(op, path).toBeDefined();
      expect((op?.parameters ?? []).map((p) => p.name).sort(), path).toEqual([...params].sort());
      expect(Object.keys(op?.responses ?? {}), path).toEqual(expect.arrayContaining(["200", "400"]));
      expect(app.hasRoute({ method: "GET", url: path.replace(/\{(\w+)\}/g, ":$1") }), path).toBe(true);
      // The route itself refuses exactly what the document leaves out.
      const query = (op?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      const url = path.replace("{system}", "ZPL").replace("{zone}", "Z01").replace("{id}", "gmd-coverage").replace("{level}", "region").replace("{area}", "03000");
      const r = await getJson<{ message: string }>(app, `${url}?zzz=1`);
      expect(r.status, url).toBe(400);
      expect(r.body.message, url).toContain(`unknown query parameter 'zzz'${query.length ? ` (allowed: ${query.join(", ")})` : ""}`);
    }
    const ok = doc.paths["/api/v1/values"]?.get?.responses["200"] as { content: Record<string, unknown> };
    expect(Object.keys(ok.content)).toEqual(["application/json", "text/csv", "application/vnd.apache.arrow.stream"]);
    const values = doc.paths["/api/v1/values"]?.get?.parameters ?? [];
    expect(values.find((p) => p.name === "indicator")?.required).toBe(true);
    expect(values.find((p) => p.name === "years")?.required).toBeFalsy();
  });
});
