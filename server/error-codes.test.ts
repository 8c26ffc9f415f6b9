// Every error answer of the API carries a stable code (core/error-codes.ts) beside its
// English message, and the values the message names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { API_ERROR_CODES } from "../core/error-codes.ts";
import { client, pdcaApp } from "./test-support/pdca.ts";
import { ErrorSchema } from "./schemas.ts";

describe("error codes", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = (await pdcaApp()).app;
  });
  afterAll(async () => app?.close());

  const cases: [string, string, number, string, Record<string, unknown>?][] = [
    ["an unknown indicator", "/indicators/no-such-thing", 404, "unknown-indicator", { id: "no-such-thing" }],
    ["a zone profile without its system", "/profile/zone/Z01", 400, "zone-needs-system"],
    ["an invalid parameter", "/values?indicator=gmd-coverage&level=planet", 400, "invalid-request"],
    ["a repeated parameter", "/values?indicator=gmd-coverage&indicator=x", 400, "query-repeated", { name: "indicator" }],
    ["no such route", "/nothing-here", 404, "no-route"],
    ["cycles without signing in", "/cycles", 401, "sign-in-required"],
  ];
  it.each(cases)("%s", async (_name, url, status, code, params) => {
    const r = await client(app).request("GET", url);
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(code);
    expect(API_ERROR_CODES).toContain(r.body.code);
    expect(ErrorSchema.safeParse(r.body).success).toBe(true);
    if (params) expect(r.body.params).toEqual(params);
  });

  it("a phase rule's refusal has its own code", async () => {
    const { seedUser, signIn, seedCycle } = await import("./test-support/pdca.ts");
    const editor = await seedUser(app, "editor.codes", "editor", [{ system: "ZPL", zone: "Z01" }]);
    const id = await seedCycle(app, editor, { system: "ZPL", zone: "Z01" });
    const signed = await signIn(app, "editor.codes");
    const r = await signed.request("POST", `/cycles/${id}/phase`, { to: "do" });
    expect([r.status, r.body.code]).toEqual([409, "action-needed"]);
    const closed = await signed.request("POST", `/cycles/${id}/phase`, { to: "act" });
    expect([closed.status, closed.body.code]).toEqual([409, "phase-move-not-allowed"]);
  });
});
