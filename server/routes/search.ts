import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { areaName } from "../catalog.ts";
import { jsonPayload, respond } from "../respond.ts";
import { AreaSchema, code, errorResponses, lang } from "../schemas.ts";
import { SearchIndex } from "../search-index.ts";
import { checkSystem } from "./geography.ts";

const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, "expected at least one character").max(100, "expected at most 100 characters").describe("a zone or municipality name (any language, accents optional) or a NIS code"),
  lang: lang.default("en").describe("language of `name` and of tie-breaking"),
  system: code.optional().describe("only zones of this system"),
  limit: z
    .string()
    .regex(/^\d{1,2}$/, "expected a number from 1 to 50")
    .transform(Number)
    .pipe(z.number().min(1, "expected a number from 1 to 50").max(50, "expected a number from 1 to 50"))
    .default(20),
});
export const HitSchema = z.object({
  area: AreaSchema,
  name: z.string().describe("the area's name in `lang`"),
  matched: z.enum(["name", "code"]),
  zones: z
    .array(z.object({ area: AreaSchema, name: z.string(), partial: z.boolean().describe("only some sectors of the municipality are in this zone") }))
    .describe("for a municipality: the zones that contain it"),
});
export const SearchSchema = z.object({ query: z.string(), results: z.array(HitSchema) });

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/geography/search",
    { schema: { tags: ["geography"], summary: "Find an area by name or NIS code, accent- and case-insensitive", querystring: SearchQuery, response: { 200: SearchSchema, ...errorResponses } } },
    (request, reply) =>
      respond(request, reply, request.query, async (release) => {
        const { q, lang: l, system, limit } = request.query;
        checkSystem(release.catalog, undefined, system);
        const index = await release.memoize("search-index", async () => new SearchIndex(release.catalog));
        const results = index.search(q, l, limit, system).map((h) => ({
          area: h.area,
          name: areaName(h.area, l),
          matched: h.matched,
          zones: h.zones.map((z) => ({ area: z.area, name: areaName(z.area, l), partial: z.partial })),
        }));
        return jsonPayload({ query: q, results }, app.settings.checkResponses ? SearchSchema : undefined);
      }),
  );
};
export default plugin;
