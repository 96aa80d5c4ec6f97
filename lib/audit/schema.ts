import { z } from "zod";
import { pageOf, pageParams } from "@/lib/http/pagination";

export const auditEventSchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string(), token_id: z.string().nullable() }),
    action: z.string().meta({ example: "model.updated" }),
    resource_type: z.string(),
    resource_id: z.string().nullable(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    request_id: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });

export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const listAuditQuerySchema = z
  .strictObject({
    ...pageParams,
    actor_id: z.uuid().optional(),
    actor: z.string().trim().min(1).max(200).optional().meta({ description: "Part of the actor's label (e.g. an email)" }),
    resource_type: z.string().trim().min(1).max(50).optional(),
    resource_id: z.string().trim().min(1).max(100).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { message: "since must be before until", path: ["since"] });

export type ListAuditQuery = z.output<typeof listAuditQuerySchema>;

export const auditPageSchema = pageOf(auditEventSchema, "AuditEventPage");

export const historyQuerySchema = z.strictObject({ ...pageParams });
