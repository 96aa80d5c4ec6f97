// One PostgreSQL database for the integration run, created before it and dropped after.
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "./support/scratch-database";

export default async function setup(project: TestProject) {
  const database = await createScratchDatabase("test");
  project.provide("databaseUrl", database.url);
  return async () => database.drop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
