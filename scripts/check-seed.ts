/**
 * Checks prisma/seed/models.json: every entry has the required fields, names are
 * unique, and the parameter estimate from the entry's config lands within 1% of
 * its published exact count.
 *
 *   npx tsx scripts/check-seed.ts [path/to/models.json]
 *
 * Prints one line per model (exact, estimate, % difference) and exits 1 on any problem.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ArchitectureConfig, estimateParameters } from "../lib/models/architecture";

const MAX_RELATIVE_DIFF = 0.01;

const CONFIG_NUMBERS = [
  "num_hidden_layers",
  "hidden_size",
  "intermediate_size",
  "num_attention_heads",
  "vocab_size",
] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: Json | undefined): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

function isPositiveInteger(value: Json | undefined): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/** Returns the problems of one entry (empty when it is valid). */
function entryProblems(entry: Json): string[] {
  if (!isObject(entry)) return ["entry is not an object"];
  const problems: string[] = [];
  for (const key of ["name", "description", "provider", "architecture", "family", "license_type", "task"]) {
    if (!isNonEmptyString(entry[key])) problems.push(`${key} missing or empty`);
  }
  for (const key of ["parameters_exact", "context_length"]) {
    if (!isPositiveInteger(entry[key])) problems.push(`${key} must be a positive integer`);
  }
  if (!isObject(entry.license_restrictions)) problems.push("license_restrictions must be an object");
  const tags = entry.tags;
  if (!Array.isArray(tags) || !tags.every((t) => isNonEmptyString(t))) problems.push("tags must be an array of strings");

  const source = entry.source;
  if (!isObject(source)) {
    problems.push("source missing");
  } else {
    if (source.type !== "huggingface") problems.push('source.type must be "huggingface"');
    if (source.repo_id !== entry.name) problems.push("source.repo_id must equal name");
    if (!("revision" in source) || !(source.revision === null || isNonEmptyString(source.revision))) {
      problems.push("source.revision must be null or a string");
    }
  }

  if (entry.config !== undefined) {
    const config = entry.config;
    if (!isObject(config)) {
      problems.push("config must be an object");
    } else {
      for (const key of CONFIG_NUMBERS) {
        if (!isPositiveInteger(config[key])) problems.push(`config.${key} must be a positive integer`);
      }
    }
  }
  return problems;
}

function formatInt(value: number): string {
  return value.toLocaleString("en-US");
}

function main(): number {
  const argPath = process.argv[2];
  const path = argPath ?? fileURLToPath(new URL("../prisma/seed/models.json", import.meta.url));
  const data = JSON.parse(readFileSync(path, "utf8")) as Json;
  if (!Array.isArray(data)) {
    console.error(`${path}: expected a JSON array`);
    return 1;
  }

  let failures = 0;
  let largest: { name: string; diff: number } | null = null;
  const seen = new Set<string>();

  console.log(`${"model".padEnd(46)} ${"exact".padStart(19)} ${"estimate".padStart(19)} ${"diff %".padStart(9)}`);
  data.forEach((entry, index) => {
    const label = isObject(entry) && isNonEmptyString(entry.name) ? entry.name : `#${index}`;
    const problems = entryProblems(entry);

    let line = label.padEnd(46);
    if (problems.length === 0 && isObject(entry) && isPositiveInteger(entry.parameters_exact)) {
      const exact = entry.parameters_exact;
      if (isObject(entry.config)) {
        // Shape checked by entryProblems; the optional switches are read as given.
        const estimate = estimateParameters(entry.config as unknown as ArchitectureConfig);
        const diff = (estimate - exact) / exact;
        line += ` ${formatInt(exact).padStart(19)} ${formatInt(estimate).padStart(19)} ${(diff * 100).toFixed(3).padStart(8)}%`;
        if (Math.abs(diff) > MAX_RELATIVE_DIFF) problems.push(`estimate differs by more than ${MAX_RELATIVE_DIFF * 100}%`);
        if (largest === null || Math.abs(diff) > Math.abs(largest.diff)) largest = { name: label, diff };
      } else {
        line += ` ${formatInt(exact).padStart(19)} ${"(no config)".padStart(19)}`;
      }
    }
    if (isObject(entry) && isNonEmptyString(entry.name)) {
      if (seen.has(entry.name)) problems.push("duplicate name");
      seen.add(entry.name);
    }
    if (problems.length > 0) {
      failures += 1;
      line += `  FAIL: ${problems.join("; ")}`;
    }
    console.log(line);
  });

  console.log("");
  console.log(`${data.length} models, ${failures} failing`);
  if (largest !== null) {
    const worst: { name: string; diff: number } = largest;
    console.log(`largest estimate/exact difference: ${(worst.diff * 100).toFixed(3)}% (${worst.name})`);
  }
  return failures === 0 ? 0 : 1;
}

process.exit(main());
