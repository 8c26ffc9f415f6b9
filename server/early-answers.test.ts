import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "./test-support/app.ts";

let app: FastifyInstance;
let port: number;
beforeAll(async () => {
  app = await testApp();
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as { port: number }).port;
});
afterAll(() => app.close());

/** Sends raw bytes over a real socket and returns the raw answer (Node's parser runs, unlike inject). */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", () => resolve(Buffer.concat(chunks).toString()));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString()));
    socket.on("connect", () => socket.write(request));
    setTimeout(() => reject(new Error("no answer")), 10_000).unref();
  });
}

function headersOf(answer: string): Record<string, string> {
  const [head = ""] = answer.split("\r\n\r\n");
  return Object.fromEntries(
    head
      .split("\r\n")
      .slice(1)
      .map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

const SECURITY = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];

describe("answers given before the hooks", () => {
  it("carry the same security headers as a normal answer: a malformed URL, a too long parameter, headers too large, a broken request line", async () => {
    const normal = headersOf(await raw("GET /api/v1/release HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    expect(normal["x-content-type-options"]).toBe("nosniff");
    const answers = {
      400: await raw("GET /api/v1/indicators/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
      414: await raw(`GET /api/v1/indicators/${"a".repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
      431: await raw(`GET /api/v1/release HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`),
      "400 ": await raw("GARBAGE\r\n\r\n"),
    };
    for (const [status, answer] of Object.entries(answers)) {
      expect(answer.split("\r\n")[0]).toMatch(new RegExp(`^HTTP/1.1 ${status.trim()} `));
      const headers = headersOf(answer);
      for (const name of SECURITY) expect([status, name, headers[name]]).toEqual([status, name, normal[name]]);
      expect(JSON.parse(answer.split("\r\n\r\n")[1] ?? "")).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
  });
});
