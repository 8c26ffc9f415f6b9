// Helpers for the server's tests: fixture releases written once per test file, apps on them.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "../app.ts";
import { writeFixtureRelease, type FixtureOptions } from "./fixture.ts";

const written = new Map<string, Promise<string>>();

export function temporaryDirectory(prefix = "boussole-server-"): string {
  return mkdtempSync(join(process.env.BOUSSOLE_TEST_TMP ?? tmpdir(), prefix));
}

/** A fixture release directory; the same options give the same directory within a test file. */
export function fixtureRelease(options: FixtureOptions = {}): Promise<string> {
  const key = JSON.stringify(options);
  let dir = written.get(key);
  if (!dir) {
    dir = (async () => {
      const d = join(temporaryDirectory(), "release");
      await writeFixtureRelease(d, options);
      return d;
    })();
    written.set(key, dir);
  }
  return dir;
}

/** An app on the default fixture (or `releaseDir`), checking every JSON body against its response schema. */
export async function testApp(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  // The fixture is written only when no release is given: a published sample needs none.
  const releaseDir = options.releaseDir ?? (await fixtureRelease());
  return buildApp({ webDir: join(temporaryDirectory(), "no-web"), checkResponses: true, ...options, releaseDir });
}

export async function getJson<T = Record<string, unknown>>(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
  const r = await app.inject({ method: "GET", url, headers });
  return { status: r.statusCode, body: (r.body ? JSON.parse(r.body) : undefined) as T, headers: r.headers };
}
