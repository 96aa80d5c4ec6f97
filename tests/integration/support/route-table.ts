// Where each declared endpoint's route handler lives on disk (app/api/v1/**/route.ts), and the
// handler itself, so tests can walk every route of the API from its declarations.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Endpoint } from "@/lib/http/endpoint";
import type { Handler } from "./http";

export const API_DIR = path.resolve("app/api/v1");
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1. */
export async function routeFiles(dir = API_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : Promise.resolve(e.name === "route.ts" ? [path.join(dir, e.name)] : []))));
  return nested.flat();
}

/** The route file an endpoint's path maps to: /api/v1/models/{id} -> app/api/v1/models/[id]/route.ts. */
export function routeFileOf(endpoint: Endpoint): string {
  return path.join(API_DIR, endpoint.path.replace("/api/v1", "").replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
}

/** The handler the route file exports for the endpoint's method. */
export async function handlerOf(endpoint: Endpoint): Promise<Handler> {
  const routeModule = (await import(/* @vite-ignore */ routeFileOf(endpoint))) as Record<string, Handler | undefined>;
  const handler = routeModule[endpoint.method];
  if (!handler) throw new Error(`${routeFileOf(endpoint)} exports no ${endpoint.method}`);
  return handler;
}
