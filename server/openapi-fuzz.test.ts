// Generated requests from the server's own OpenAPI document: every operation, every path,
// query and body parameter filled with hostile values (and sometimes good ones, so that the
// deeper code runs too), anonymous and signed in as an admin. Any 5xx fails.
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdcaApp, seedCycle, seedUser, signIn, type Client } from "./test-support/pdca.ts";

interface Param {
  name: string;
  in: "path" | "query";
  schema?: { enum?: string[]; type?: string };
}
interface Operation {
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

let app: FastifyInstance;
let admin: Client;
let known: string[];
let operations: { method: string; path: string; op: Operation }[];
beforeAll(async () => {
  ({ app } = await pdcaApp({ auth: { loginsPerMinute: 1_000_000 } }));
  const root = await seedUser(app, "root", "admin");
  const cycle = await seedCycle(app, root, { system: "ZPL", zone: "Z01" });
  admin = await signIn(app, "root");
  known = [
    "ZPL",
    "Z01",
    "Z06",
    "gmd-coverage",
    "zone",
    "municipality",
    "region",
    "province",
    "belgium",
    "03000",
    "21004",
    "2023",
    "2024",
    "fr",
    "nl",
    "de",
    "en",
    "csv",
    "arrow",
    "json",
    "geojson",
    "topojson",
    "sex",
    "total",
    cycle,
    root.id,
    "plan",
    "do",
    "check",
    "act",
  ];
  const doc = JSON.parse((await app.inject({ url: "/api/docs/json" })).body) as { paths: Record<string, Record<string, Operation>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
});
afterAll(() => app?.close());

const HOSTILE = [
  "",
  " ",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "2027-13-45",
  "2027-02-30",
  "9".repeat(400),
  "a".repeat(5000),
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\u202e",
  "' OR 1=1--",
  "'; DROP TABLE cell;--",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "null",
  "[]",
  "{}",
  "%",
  "%E0%A4%A",
  "ZPL,ZPL,ZPL",
  ",,,",
  "2024-2020",
  "1900-2100",
  "*",
  "\\",
  "🙂",
  "\ud800",
];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 30 }), fc.integer().map(String), fc.double().map(String));
const json: fc.Arbitrary<unknown> = fc.oneof(text, fc.jsonValue({ maxDepth: 3 }), fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.array(text, { maxLength: 5 }));

/** One request: each parameter absent, good or hostile; a body of the operation's fields or anything. */
function request(op: Operation) {
  const good = fc.constantFrom(...known);
  const value = (p: Param) => fc.oneof(text, good, ...(p.schema?.enum ? [fc.constantFrom(...p.schema.enum)] : []));
  const params = (op.parameters ?? []).map((p) => (p.in === "path" ? value(p) : fc.option(value(p), { nil: undefined })).map((v) => [p, v] as const));
  const fields = Object.keys(Object.values(op.requestBody?.content ?? {})[0]?.schema?.properties ?? {});
  const body = op.requestBody ? fc.oneof(fc.dictionary(fc.constantFrom(...fields, "__proto__", "extra"), fc.oneof(json, good), { maxKeys: fields.length + 1 }), json) : fc.constant(undefined);
  return fc.record({ params: fc.tuple(...params), body, extra: fc.option(fc.tuple(text, text), { nil: undefined }) });
}

/** Percent-encodes every byte but letters and digits (a lone surrogate becomes U+FFFD's bytes). */
const enc = (v: string) => [...Buffer.from(v, "utf8")].map((b) => (/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("");

function url(path: string, params: readonly (readonly [Param, string | undefined])[], extra?: [string, string]): string {
  let u = path;
  const query: string[] = [];
  for (const [p, v] of params) {
    if (p.in === "path") u = u.replace(`{${p.name}}`, enc(v ?? ""));
    else if (v !== undefined) query.push(`${p.name}=${enc(v)}`);
  }
  if (extra) query.push(`${enc(extra[0])}=${enc(extra[1])}`);
  return query.length ? `${u}?${query.join("&")}` : u;
}

// Sign-in hashes a password per attempt (deliberately slow): fewer runs there. About 3,400
// requests in all.
const RUNS = (path: string) => (path === "/api/v1/auth/login" || path === "/api/v1/users" ? 20 : 60);

// The operations, as the document lists them (checked against it in the last test).
const OPERATIONS = [
  "GET /api/v1/release",
  "GET /api/v1/geography/levels",
  "GET /api/v1/geography/systems",
  "GET /api/v1/geography/areas",
  "GET /api/v1/geography/zones/{system}/{zone}",
  "GET /api/v1/geography/search",
  "GET /api/v1/geography/boundaries",
  "GET /api/v1/indicators",
  "GET /api/v1/indicators/{id}",
  "GET /api/v1/indicators/{id}/periods",
  "GET /api/v1/values",
  "GET /api/v1/profile/{level}/{area}",
  "GET /api/v1/compare",
  "GET /api/v1/equity",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/auth/session",
  "GET /api/v1/users",
  "POST /api/v1/users",
  "PATCH /api/v1/users/{id}",
  "GET /api/v1/cycles",
  "GET /api/v1/cycles/examples",
  "POST /api/v1/cycles",
  "GET /api/v1/cycles/{id}",
  "PATCH /api/v1/cycles/{id}",
  "GET /api/v1/cycles/{id}/history",
  "POST /api/v1/cycles/{id}/phase",
  "POST /api/v1/cycles/{id}/actions",
  "PATCH /api/v1/cycles/{id}/actions/{actionId}",
  "POST /api/v1/cycles/{id}/notes",
  "GET /api/v1/cycles/{id}/check",
];

describe("generated requests from the OpenAPI document never answer 5xx", () => {
  let sent = 0;
  for (const operation of OPERATIONS) {
    const [method, path] = operation.split(" ") as [string, string];
    for (const signedIn of [false, true]) {
      // A signed-in logout or login would end the session the other requests use.
      if (signedIn && path.startsWith("/api/v1/auth/")) continue;
      it(`${operation}, ${signedIn ? "signed in" : "anonymous"}`, async () => {
        const op = operations.find((o) => o.method === method && o.path === path)?.op as Operation;
        const failures: string[] = [];
        await fc.assert(
          fc.asyncProperty(request(op), async ({ params, body, extra }) => {
            const target = url(path, params, extra);
            const headers = { ...(signedIn ? admin.headers : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) };
            const r = await app.inject({ method: method as "GET", url: target, headers, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
            sent++;
            if (r.statusCode >= 500) failures.push(`${r.statusCode} ${method} ${target} ${body === undefined ? "" : JSON.stringify(body).slice(0, 200)}`);
            return r.statusCode < 500;
          }),
          { numRuns: RUNS(path), seed: 20261202, endOnFailure: true },
        );
        expect(failures).toEqual([]);
      });
    }
  }

  it("covered every operation of the document, with thousands of requests", () => {
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([...OPERATIONS].sort());
    expect(sent).toBeGreaterThan(3000);
  });
});
