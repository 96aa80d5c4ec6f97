// An endpoint's declaration: method, path, role and schemas. Route handlers are built from it
// (lib/http/route.ts) and so is the OpenAPI document (lib/openapi), so the two cannot disagree.
import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";

export type Access = Role | "public" | "signed_in";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Endpoint<
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** OpenAPI-style path under the site root, e.g. "/api/v1/models/{id}". */
  path: string;
  summary: string;
  tag: string;
  /**
   * "public" needs nothing; "viewer" is a read that anonymous callers may make when PUBLIC_READ;
   * "signed_in" needs an identity of any role (a user's own tokens).
   */
  role: Access;
  query?: Query;
  body?: Body;
  /** Path parameters' schemas, for the OpenAPI document (a path parameter is a UUID otherwise). */
  params?: z.ZodObject;
  /**
   * Reads the request body into what `body` validates, for endpoints that take more than JSON
   * (a multipart upload, say); JSON only when absent. `multipart` documents the form it reads.
   */
  readBody?: (request: Request) => Promise<unknown>;
  multipart?: z.ZodType;
  success: { status: number; description: string; schema?: z.ZodType; contentTypes?: string[] };
  /** Error statuses this endpoint can answer besides 422 and 500 (and 400 and 413 with a body). */
  errors?: number[];
}

export function defineEndpoint<
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
>(endpoint: Endpoint<Query, Body>): Endpoint<Query, Body> {
  return endpoint;
}
