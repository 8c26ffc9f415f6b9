// Answers given before Fastify's hooks run (so before helmet adds its headers): a URL the
// router cannot decode or a path parameter too long (frameworkErrors), and requests Node's
// parser refuses (headers too large, a malformed request line: the server's clientError).
// They carry the same security headers as every other answer.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { APP_CSP } from "./plugins/security.ts";

const csp = Object.entries(APP_CSP)
  .map(([name, values]) => `${name} ${values.join(" ")}`)
  .join(";");

/** The headers helmet sets on every answer, for answers helmet never sees. */
export const EARLY_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": csp,
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** The status for an error Node's HTTP parser raised. */
export function clientErrorStatus(code: string | undefined): number {
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "HPE_URI_TOO_LONG") return 414;
  return 400;
}

const MESSAGES: Record<number, string> = {
  408: "the request took too long to arrive",
  414: "the URL is too long",
  431: "the request's headers are too large",
  400: "the request is malformed",
};

/** Fastify's clientErrorHandler: the API's error format and the security headers, then close. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const status = clientErrorStatus(error.code);
  const body = JSON.stringify({ error: STATUS_CODES[status] ?? "Bad Request", message: MESSAGES[status] ?? MESSAGES[400], code: "malformed-request" });
  const headers = { ...EARLY_SECURITY_HEADERS, "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(body)), connection: "close" };
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join("\r\n")}\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
