import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

export const DOCS_PREFIX = "/api/docs";

/**
 * Swagger UI sets inline styles and shows data: images; it gets its own policy on /api/docs
 * only (the plugin sets it on its routes, over helmet's), the app keeps the strict one.
 */
const DOCS_CSP =
  "default-src 'self'; base-uri 'self'; connect-src 'self'; font-src 'self' data:; form-action 'self'; frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'";

/** The OpenAPI document, generated from the routes' zod schemas, and its UI. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "Boussole API",
          version: "1.0.0",
          description: [
            "Population-health indicators for Belgian integrated care, read from one published release.",
            "Hidden cells (disclosure control) carry their keys and `hidden` reason with every number null.",
            "Errors are `{ error, message }`; unknown query parameters are refused (400).",
            "Data answers carry an ETag (release id + normalised query; send If-None-Match for a 304) and `Cache-Control: public, max-age=300`.",
          ].join(" "),
        },
        tags: [
          { name: "release", description: "The release being served" },
          { name: "geography", description: "Areas, zone systems, search and boundaries" },
          { name: "indicators", description: "Indicator definitions" },
          { name: "data", description: "Cells, profiles, comparisons and equity gaps" },
          { name: "auth", description: "Sign-in (session cookie) and the CSRF token every write sends as x-csrf-token (when the server has an app database)" },
          { name: "pdca", description: "Plan-do-check-act cycles of the zones, their actions, notes, history and statistical check (signed-in users)" },
          { name: "users", description: "Accounts (admins)" },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: DOCS_CSP });
  },
  { name: "docs", fastify: "5.x" },
);
