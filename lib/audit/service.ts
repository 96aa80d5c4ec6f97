// The audit log: every write runs through `audited`, which commits the change and its record
// together, so there is never a change without its record or a record without its change.
import { describeActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { toPage } from "@/lib/http/pagination";
import type { Prisma } from "@/lib/generated/prisma/client";
import { diffFields } from "./changes";
import { findAuditEvents, insertAuditEvent, type AuditRow } from "./queries";
import type { AuditEventDto, ListAuditQuery } from "./schema";

export interface WriteContext {
  actor: Actor;
  requestId?: string;
}

export interface AuditedChange<T> {
  result: T;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** `timeout` (ms) lifts Prisma's 5 s limit on the transaction, for a write that is big by nature. */
export async function audited<T>(
  context: WriteContext,
  write: (tx: DbClient) => Promise<AuditedChange<T>>,
  options: { timeout?: number } = {},
): Promise<T> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const change = await write(tx);
    await insertAuditEvent(tx, {
      ...describeActor(context.actor),
      action: change.action,
      resourceType: change.resourceType,
      resourceId: change.resourceId,
      changes: diffFields(change.before ?? null, change.after ?? null) as Prisma.InputJsonObject,
      requestId: context.requestId ?? null,
    });
    return change.result;
  }, options.timeout ? { timeout: options.timeout, maxWait: options.timeout } : undefined);
}

export function toAuditEventDto(row: AuditRow): AuditEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel, token_id: row.tokenId },
    action: row.action,
    resource_type: row.resourceType,
    resource_id: row.resourceId,
    changes: (row.changes ?? {}) as AuditEventDto["changes"],
    request_id: row.requestId,
  };
}

export async function listAuditEvents(query: ListAuditQuery) {
  const where: Prisma.AuditEventWhereInput = {
    ...(query.actor_id ? { actorId: query.actor_id } : {}),
    ...(query.actor ? { actorLabel: { contains: query.actor, mode: "insensitive" } } : {}),
    ...(query.resource_type ? { resourceType: query.resource_type } : {}),
    ...(query.resource_id ? { resourceId: query.resource_id } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.since || query.until ? { at: { ...(query.since ? { gte: new Date(query.since) } : {}), ...(query.until ? { lte: new Date(query.until) } : {}) } } : {}),
  };
  const { rows, total } = await findAuditEvents(where, query.page, query.page_size);
  return toPage(rows.map(toAuditEventDto), total, query.page, query.page_size);
}

export async function listResourceHistory(resourceType: string, resourceId: string, page = 1, pageSize = 20) {
  const { rows, total } = await findAuditEvents({ resourceType, resourceId }, page, pageSize);
  return toPage(rows.map(toAuditEventDto), total, page, pageSize);
}
