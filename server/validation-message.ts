import type { FastifyError, FastifyRequest } from "fastify";

interface Issue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const WHERE: Record<string, string> = { querystring: "query parameter", params: "path parameter", headers: "header", body: "body field" };

function allowedKeys(request: FastifyRequest, context: string): string[] {
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context] as { shape?: Record<string, unknown> } | undefined;
  return schema?.shape ? Object.keys(schema.shape) : [];
}

/** Zod issues as one sentence per problem: which parameter, and what was expected. */
export function describeValidation(error: FastifyError, request: FastifyRequest): string {
  const context = error.validationContext ?? "querystring";
  const where = WHERE[context] ?? context;
  const issues = (error.validation ?? []) as unknown as Issue[];
  return issues
    .map((issue) => {
      const [name, ...rest] = issue.instancePath.split("/").filter(Boolean);
      if (issue.keyword === "unrecognized_keys") {
        const keys = (issue.params?.keys as string[] | undefined) ?? [];
        const allowed = allowedKeys(request, context);
        return `unknown ${where}${keys.length > 1 ? "s" : ""} ${keys.map((k) => `'${k.slice(0, 40)}'`).join(", ")}${allowed.length ? ` (allowed: ${allowed.join(", ")})` : ""}`;
      }
      let message = issue.message ?? "is invalid";
      if (/received undefined/.test(message)) message = "is required";
      else if (/received array/.test(message)) message = "was given more than once (give it once; lists are comma-separated)";
      const item = rest.length && /^\d+$/.test(rest[0] ?? "") ? ` (item ${Number(rest[0]) + 1})` : "";
      return name ? `${where} '${name}'${item}: ${message}` : `${where}: ${message}`;
    })
    .join("; ");
}
