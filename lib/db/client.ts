// The Prisma client type that queries accept: the client itself or a transaction's client.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type DbClient = PrismaClient | Prisma.TransactionClient;
