// The list envelope and the page parameters every list shares.
import { z } from "zod";

export const pageParams = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(["asc", "desc"]).optional(),
};

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      page: z.number().int(),
      page_size: z.number().int(),
      total: z.number().int(),
      total_pages: z.number().int(),
    })
    .meta({ id });
}

export function toPage<T>(data: T[], total: number, page: number, pageSize: number) {
  return { data, page, page_size: pageSize, total, total_pages: Math.ceil(total / pageSize) };
}
