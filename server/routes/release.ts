import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonPayload, respond } from "../respond.ts";
import { ErrorSchema } from "../schemas.ts";
import { AuditSchema, DisclosureSchema } from "../../release/format.ts";

/** The disclosure settings and audit counts /release shows, as the manifest holds them. */
const DisclosureShown = DisclosureSchema.pick({ minCount: true, protectionWidth: true, publishZeros: true, rules: true });
const AuditShown = AuditSchema.pick({ passed: true, cellsPublished: true, hiddenSmallCount: true, hiddenComplementary: true, hiddenDerived: true, narrowestInterval: true });

export const ReleaseSchema = z.object({
  releaseId: z.string(),
  format: z.string(),
  createdAt: z.string(),
  lastUpdated: z.string().describe("when the newest batch of source data was finished (createdAt when there is none)"),
  synthetic: z.boolean(),
  producer: z.string().nullable(),
  years: z.object({ first: z.number().int(), last: z.number().int() }).nullable().describe("the data period (null for an empty release)"),
  title: z.string().nullable().describe("human-readable title: source, years, publication date (null for releases made before titles)"),
  indicators: z.number().int(),
  disclosure: DisclosureShown,
  audit: AuditShown,
  preview: z.boolean().describe("true while a first start serves its latest year alone and publishes the other years: the whole release replaces it at the same address in a few minutes"),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get("/release", { schema: { tags: ["release"], summary: "The release being served", querystring: z.strictObject({}), response: { 200: ReleaseSchema, 400: ErrorSchema } } }, (request, reply) =>
    respond(request, reply, {}, async (release) => {
      const m = release.manifest;
      const finished = m.batches.flatMap((b) => (b.finishedAt ? [b.finishedAt] : [])).sort();
      const { passed, cellsPublished, hiddenSmallCount, hiddenComplementary, hiddenDerived, narrowestInterval } = m.audit;
      const { minCount, protectionWidth, publishZeros, rules } = m.disclosure;
      return jsonPayload(
        {
          releaseId: m.releaseId,
          format: m.format,
          createdAt: m.createdAt,
          lastUpdated: finished.at(-1) ?? m.createdAt,
          synthetic: m.synthetic,
          producer: m.producer,
          years: m.years ? { first: m.years[0], last: m.years[1] } : null,
          title: m.title ?? null,
          indicators: release.catalog.indicators.length,
          disclosure: { minCount, protectionWidth, publishZeros, rules },
          audit: { passed, cellsPublished, hiddenSmallCount, hiddenComplementary, hiddenDerived, narrowestInterval },
          preview: app.settings.preview,
        },
        app.settings.checkResponses ? ReleaseSchema : undefined,
      );
    }),
  );
};
export default plugin;
