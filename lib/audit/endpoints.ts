import { defineEndpoint } from "@/lib/http/endpoint";
import { auditPageSchema, historyQuerySchema, listAuditQuerySchema } from "./schema";

export const listAuditEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/audit", tag: "Audit", role: "admin",
  summary: "The audit log: every write, newest first", query: listAuditQuerySchema,
  success: { status: 200, description: "A page of events", schema: auditPageSchema },
});

export const modelHistoryEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/models/{id}/history", tag: "Models", role: "viewer",
  summary: "A model's own history (its audit events)", query: historyQuerySchema,
  success: { status: 200, description: "A page of events", schema: auditPageSchema }, errors: [404],
});

export const auditEndpoints = [listAuditEndpoint, modelHistoryEndpoint];
