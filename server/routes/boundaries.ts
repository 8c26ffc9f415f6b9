import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { topology } from "topojson-server";
import { z } from "zod";
import { badRequest } from "../api-error.ts";
import { areaKey } from "../catalog.ts";
import { webGeometry, type AreaCollection, type AreaFeature } from "../geometry.ts";
import { respond } from "../respond.ts";
import { code, errorResponses, mapLevel } from "../schemas.ts";
import { checkSystem } from "./geography.ts";

const BoundaryQuery = z.strictObject({
  level: mapLevel,
  system: code.optional().describe("zone system; required with level=zone"),
  format: z.enum(["geojson", "topojson"], { error: "expected geojson or topojson" }).default("geojson"),
});
const Properties = z.object({ level: z.string(), system_code: z.string().nullable(), area_code: z.string(), name_fr: z.string(), name_nl: z.string(), name_de: z.string(), name_en: z.string() });
const GeoJsonSchema = z
  .object({
    type: z.literal("FeatureCollection"),
    features: z.array(z.object({ type: z.literal("Feature"), id: z.string(), properties: Properties, geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }) })),
  })
  .describe("GeoJSON (RFC 7946), WGS 84, coordinates rounded to 4 decimals");
const TopoJsonSchema = z
  .looseObject({ type: z.literal("Topology"), objects: z.object({ areas: z.looseObject({ type: z.literal("GeometryCollection") }) }), arcs: z.array(z.unknown()) })
  .describe("TopoJSON: object `areas`, quantised to 1e5; geometries carry the same properties");

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/geography/boundaries",
    {
      schema: {
        tags: ["geography"],
        summary: "Boundaries of one level (one zone system) for maps",
        querystring: BoundaryQuery,
        response: { 200: z.union([GeoJsonSchema, TopoJsonSchema]), ...errorResponses },
      },
    },
    (request, reply) =>
      respond(request, reply, request.query, async (release) => {
        const { level, system, format } = request.query;
        if (level === "zone" && system === undefined) throw badRequest("zone-needs-system", "query parameter 'system' is required with level=zone");
        checkSystem(release.catalog, level, system);
        const rows = await release.db.all<{ system_code: string | null; area_code: string; geometry: string }>(
          "SELECT system_code, area_code, CAST(geometry AS VARCHAR) AS geometry FROM boundary WHERE level = $1 AND coalesce(system_code, '') = $2 ORDER BY area_code",
          [level, system ?? ""],
        );
        const features: AreaFeature[] = [];
        for (const row of rows) {
          const area = release.catalog.area.get(areaKey(level, row.system_code, row.area_code));
          const geometry = webGeometry(JSON.parse(row.geometry));
          if (!area || !geometry) continue;
          const { name_fr, name_nl, name_de, name_en } = area;
          features.push({ type: "Feature", id: row.area_code, properties: { level, system_code: row.system_code, area_code: row.area_code, name_fr, name_nl, name_de, name_en }, geometry });
        }
        const collection: AreaCollection = { type: "FeatureCollection", features };
        const body = format === "topojson" ? topology({ areas: collection }, 1e5) : collection;
        if (app.settings.checkResponses) (format === "topojson" ? TopoJsonSchema : GeoJsonSchema).parse(body);
        const type = format === "topojson" ? "application/json; charset=utf-8" : "application/geo+json; charset=utf-8";
        return { body: Buffer.from(JSON.stringify(body)), type };
      }),
  );
};
export default plugin;
