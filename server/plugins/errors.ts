import { STATUS_CODES } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { codeOfStatus } from "../../core/error-codes.ts";
import { ApiError } from "../api-error.ts";
import { describeValidation } from "../validation-message.ts";

export interface ErrorPluginOptions {
  /** The built web app: non-API paths that match nothing get its index.html (SPA routing). */
  webDir?: string;
}

/**
 * One error format for the whole API, `{ error, message, code, params? }`: `code` is stable
 * (core/error-codes.ts) and clients show their own words for it; `message` explains in English. Client errors say which parameter
 * and why; anything else is logged in full and answered with a generic message and the request
 * id, so no stack trace, SQL or file path ever reaches a client.
 */
export default fp<ErrorPluginOptions>(
  async (app, options) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        return reply.code(400).send({ error: "Bad Request", message: describeValidation(error, request), code: "invalid-request" });
      }
      const status = error instanceof ApiError ? error.statusCode : error.statusCode;
      if (status !== undefined && status >= 400 && status < 500) {
        if (status === 400 || status === 404) request.log.info({ message: error.message }, "client error");
        const code = error instanceof ApiError ? error.code : codeOfStatus(status);
        const params = error instanceof ApiError ? error.params : undefined;
        return reply.code(status).send({ error: STATUS_CODES[status] ?? "Client Error", message: error.message, code, ...(params ? { params } : {}) });
      }
      request.log.error({ err: error }, "request failed");
      reply.removeHeader("etag").removeHeader("cache-control");
      return reply.code(500).send({
        error: "Internal Server Error",
        message: `An unexpected error occurred. Quote request id ${request.id} when reporting it.`,
        requestId: request.id,
        code: "internal-error",
        params: { requestId: request.id },
      });
    });

    const index = options.webDir && existsSync(join(options.webDir, "index.html")) ? options.webDir : undefined;
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split("?")[0] ?? "";
      const api = path === "/api" || path.startsWith("/api/");
      if (!api && index && (request.method === "GET" || request.method === "HEAD")) {
        return reply.header("cache-control", "no-cache").sendFile("index.html", index);
      }
      return reply.code(404).send({ error: "Not Found", message: `no route ${request.method} ${path.slice(0, 200)}${api ? " (see /api/docs)" : ""}`, code: "no-route" });
    });
  },
  { name: "errors", fastify: "5.x" },
);
