// Reads a result file exactly as a tool wrote it, recognising the tool by the file's shape.
import { looksLikeGenaiPerf, parseGenaiPerf } from "./genai-perf";
import { looksLikeLlmperf, parseLlmperf } from "./llmperf";
import { isObject } from "./read";
import { ResultFormatError, type ParsedResult } from "./result";
import { looksLikeVllm, parseVllm } from "./vllm";

export const supportedFormats =
  "vLLM `bench serve` --save-result JSON, an LLMPerf *_summary.json, or a GenAI-Perf profile_export_genai_perf.json";

export function parseResultFile(file: unknown): ParsedResult {
  if (!isObject(file)) throw new ResultFormatError(`A result file is a JSON object: expected ${supportedFormats}`);
  if (looksLikeVllm(file)) return parseVllm(file);
  if (looksLikeLlmperf(file)) return parseLlmperf(file);
  if (looksLikeGenaiPerf(file)) return parseGenaiPerf(file);
  throw new ResultFormatError(`Not a benchmark result file we recognise: expected ${supportedFormats}`);
}
