import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { resolve } from "node:path";
import compress from "@fastify/compress";
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { clientErrorHandler, EARLY_SECURITY_HEADERS } from "./early-answers.ts";
import docs from "./plugins/docs.ts";
import appDb from "./plugins/app-db.ts";
import errors from "./plugins/errors.ts";
import pdca from "./plugins/pdca.ts";
import releaseStore from "./plugins/release-store.ts";
import security, { type RateLimitOptions } from "./plugins/security.ts";
import web from "./plugins/web.ts";
import type { AuthOptions } from "./pdca/types.ts";
import type { ReleaseOptions } from "./release.ts";
import api from "./routes/index.ts";
import "./types.ts";

export interface AppOptions {
  /** Directory holding published.duckdb and manifest.json. */
  releaseDir: string;
  /** The built dashboard (default web/dist); served at / when it exists. */
  webDir?: string;
  logger?: FastifyServerOptions["logger"];
  /** No "incoming request"/"request completed" lines (errors are still logged). */
  disableRequestLogging?: boolean;
  /** Per-address limit; off unless given. */
  rateLimit?: RateLimitOptions | false;
  /** Most cells per /values answer (default 50,000). */
  maxCells?: number;
  /** Check computed JSON bodies against the response schemas (tests). */
  checkResponses?: boolean;
  release?: ReleaseOptions;
  /**
   * app.duckdb (accounts, sessions, PDCA cycles; created when missing). Without it the
   * auth, users and cycles routes are not registered: the server is the public, read-only API.
   */
  appDb?: string;
  auth?: AuthOptions;
  /** Trust X-Forwarded-* from a reverse proxy (client address, HTTPS for the Secure cookie). */
  trustProxy?: boolean;
  /**
   * The release is a first look: a first `npm start` serves its latest year while it publishes
   * the others, then serves the whole release at the same address (/release says so).
   */
  preview?: boolean;
  /** The clock of app.duckdb writes, sessions and lockouts (tests). */
  now?: () => Date;
}

export const DEFAULT_MAX_CELLS = 50_000;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: options.disableRequestLogging ?? false }),
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? false,
    // Path parameters are short codes here; a long one is a mistake or an attack.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors raised before routing (bad URL encoding, too long a path parameter) in the API's format.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      const message =
        error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "a path parameter is longer than 200 characters" : error.code === "FST_ERR_BAD_URL" ? "the URL is malformed" : "the request is malformed";
      void reply
        .code(status)
        .headers(EARLY_SECURITY_HEADERS)
        .send({ error: STATUS_CODES[status] ?? "Bad Request", message, code: "malformed-request" });
    },
    // Requests Node's parser refuses (431, 400) in the same format and with the same headers.
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("settings", { checkResponses: options.checkResponses ?? false, maxCells: options.maxCells ?? DEFAULT_MAX_CELLS, preview: options.preview ?? false });
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });

  const webDir = resolve(options.webDir ?? "web/dist");
  await app.register(errors, { webDir });
  await app.register(security, { rateLimit: options.rateLimit ?? false });
  // JSON and CSV only (Arrow is binary and already compact); brotli at quality 4 (the plugin's).
  await app.register(compress, { global: true, encodings: ["br", "gzip"], threshold: 1024 });
  await app.register(releaseStore, { releaseDir: options.releaseDir, release: options.release });
  await app.register(docs);
  await app.register(web, { webDir });
  await app.register(api, { prefix: "/api/v1" });
  if (options.appDb) {
    await app.register(appDb, { appDb: resolve(options.appDb), auth: options.auth, now: options.now });
    await app.register(pdca, { prefix: "/api/v1" });
  }
  await app.ready();
  return app;
}
