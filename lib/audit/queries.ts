// Prisma calls for the audit log.
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditRow = Prisma.AuditEventGetPayload<object>;

export async function insertAuditEvent(client: DbClient, data: Prisma.AuditEventUncheckedCreateInput): Promise<void> {
  await client.auditEvent.create({ data });
}

export async function findAuditEvents(where: Prisma.AuditEventWhereInput, page: number, pageSize: number) {
  const prisma = await db();
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.auditEvent.count({ where }),
  ]);
  return { rows, total };
}
