import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../api-error.ts";
import type { Catalog, IndicatorRow } from "../catalog.ts";
import { jsonPayload, respond } from "../respond.ts";
import { errorResponses, IndicatorSummarySchema, indicatorId, TextsSchema } from "../schemas.ts";

const AIMS = ["experience", "population-health", "value", "workforce", "equity"] as const;
const TYPES = ["process", "outcome"] as const;

export function summary(i: IndicatorRow) {
  const years = [...new Set(Object.values(i.years).flatMap((y) => y ?? []))].sort((a, b) => a - b);
  const title = i.metadata.title ?? { fr: i.id, nl: i.id, de: i.id, en: i.id };
  return {
    id: i.id,
    version: i.version,
    aim: i.aim,
    type: i.type,
    statistic: i.statistic,
    unit: i.unit,
    polarity: i.polarity,
    strata: i.strata,
    levels: i.levels,
    title,
    shortDescription: i.metadata["short-description"] ?? null,
    years,
    subAnnual: i.sub_annual ?? null,
  };
}

export function findIndicator(catalog: Catalog, id: string): IndicatorRow {
  const indicator = catalog.indicator.get(id);
  if (!indicator) throw notFound("unknown-indicator", `unknown indicator '${id}' (see /api/v1/indicators)`, { id: id.slice(0, 80) });
  return indicator;
}

const ListQuery = z.strictObject({
  aim: z.enum(AIMS, { error: `expected one of ${AIMS.join(", ")}` }).optional(),
  type: z.enum(TYPES, { error: "expected process or outcome" }).optional(),
});
export const ListSchema = z.object({ indicators: z.array(IndicatorSummarySchema) });
export const DetailSchema = IndicatorSummarySchema.extend({
  metadata: z
    .record(z.string(), TextsSchema)
    .describe("definition, rationale, numerator-text, denominator-text, source, caveats, methods… each in fr, nl, de and en (English where a translation is missing)"),
  targets: z.unknown().describe("the definition's targets, or null"),
  yearsByLevel: z.record(z.string(), z.array(z.number().int())).describe("years with cells, by level"),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/indicators",
    { schema: { tags: ["indicators"], summary: "Indicators, optionally of one aim or type", querystring: ListQuery, response: { 200: ListSchema, ...errorResponses } } },
    (request, reply) =>
      respond(request, reply, request.query, async ({ catalog }) => {
        const { aim, type } = request.query;
        const indicators = catalog.indicators.filter((i) => (aim === undefined || i.aim === aim) && (type === undefined || i.type === type)).map(summary);
        return jsonPayload({ indicators }, app.settings.checkResponses ? ListSchema : undefined);
      }),
  );

  app.get(
    "/indicators/:id",
    {
      schema: {
        tags: ["indicators"],
        summary: "One indicator's definition in four languages",
        params: z.strictObject({ id: indicatorId }),
        querystring: z.strictObject({}),
        response: { 200: DetailSchema, ...errorResponses },
      },
    },
    (request, reply) =>
      respond(request, reply, request.params, async ({ catalog }) => {
        const i = findIndicator(catalog, request.params.id);
        const yearsByLevel = Object.fromEntries(Object.entries(i.years).filter((e): e is [string, number[]] => e[1] !== undefined));
        return jsonPayload({ ...summary(i), metadata: i.metadata, targets: i.targets ?? null, yearsByLevel }, app.settings.checkResponses ? DetailSchema : undefined);
      }),
  );
};
export default plugin;
