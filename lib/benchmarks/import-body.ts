// Reads POST /api/v1/benchmarks/import: a JSON body {model_id, hardware_profile, result,
// configuration?}, or a multipart form whose `file` field is the result file and whose other
// fields are model_id, hardware_profile and the configuration (as fields or one JSON field).
import { AppError } from "@/lib/http/errors";
import { readBodyBytes, readJsonBody } from "@/lib/http/body";

// A detailed vLLM result (per-request lists included) of a few thousand requests runs to megabytes.
export const MAX_RESULT_BYTES = 16 * 1024 * 1024;

const configurationFields = ["engine", "engine_version", "precision", "input_tokens", "output_tokens", "concurrency", "num_gpus"];
const numericFields = new Set(["input_tokens", "output_tokens", "concurrency", "num_gpus"]);

export async function readImportBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) return readJsonBody(request, MAX_RESULT_BYTES);
  const bytes = await readBodyBytes(request, MAX_RESULT_BYTES);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "The multipart form could not be read");
  }
  const file = form.get("file");
  const body: Record<string, unknown> = {};
  if (file !== null) body.result = parseJson(typeof file === "string" ? file : await file.text(), "The file is not JSON");
  for (const key of ["model_id", "hardware_profile"]) {
    const value = form.get(key);
    if (typeof value === "string") body[key] = value;
  }
  const configuration = form.get("configuration");
  const fromFields = Object.fromEntries(
    configurationFields.flatMap((key) => {
      const value = form.get(key);
      if (typeof value !== "string" || value === "") return [];
      return [[key, numericFields.has(key) && /^\d+$/.test(value) ? Number(value) : value]];
    }),
  );
  if (typeof configuration === "string" && configuration.trim() !== "") body.configuration = parseJson(configuration, "The configuration field is not JSON");
  else if (Object.keys(fromFields).length) body.configuration = fromFields;
  return body;
}

function parseJson(text: string, problem: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `${problem}: ${(error as Error).message}`);
  }
}
