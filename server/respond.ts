// Every data route answers through `respond`: lease the release, answer 304 when the client's
// ETag still holds, else serve the body from the release's cache or compute it once.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Release } from "./release.ts";
import type { Payload } from "./response-cache.ts";

export const CACHE_CONTROL = "public, max-age=300";
/** A first look is replaced within minutes at the same addresses: kept only with its ETag, asked again each time. */
export const PREVIEW_CACHE_CONTROL = "no-cache";
export type { Payload };

/** JSON text with its keys in a fixed order: equal queries give equal keys. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

export function etagOf(releaseId: string, key: string): string {
  return `W/"${createHash("sha256").update(releaseId).update("\n").update(key).digest("base64url").slice(0, 22)}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  // Weak comparison (RFC 9110 §13.1.2): compressed and plain variants share one tag.
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === opaque);
}

export function jsonPayload(value: unknown, schema?: z.ZodType): Payload {
  // Checked against the route's own response schema when asked (tests): the schema is the contract.
  if (schema) schema.parse(value);
  return { body: Buffer.from(JSON.stringify(value)), type: "application/json; charset=utf-8" };
}

/**
 * `key` is the normalised query (validated, defaults filled, lists sorted where order does not
 * matter) plus the representation: the ETag is a hash of the release id and this key.
 */
export async function respond(request: FastifyRequest, reply: FastifyReply, key: unknown, compute: (release: Release) => Promise<Payload>): Promise<void> {
  const lease = request.server.releases.acquire();
  let headers: Record<string, string>;
  let payload: Payload | undefined;
  try {
    const release = lease.release;
    const keyText = `${request.routeOptions.url}?${stableJson(key)}`;
    const etag = etagOf(release.id, keyText);
    headers = { etag, "cache-control": request.server.settings.preview ? PREVIEW_CACHE_CONTROL : CACHE_CONTROL, "x-release-id": release.id };
    // Headers only once the body exists: an error answer must carry no ETag nor public caching.
    if (!matches(request.headers["if-none-match"], etag)) payload = await release.cache.get(keyText, () => compute(release));
  } finally {
    // The body is in memory: the release is no longer needed, however slow the client.
    lease.done();
  }
  if (payload) reply.headers(headers).type(payload.type).send(payload.body);
  else reply.code(304).headers(headers).send();
  // An async handler must not resolve before its reply is under way (onSend hooks may still run).
  await reply;
}
