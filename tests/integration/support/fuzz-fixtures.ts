// A small set of resources for the API property tests, made through the API itself: models (one
// imported from the Hub stand-in, one with files and a queued scan, one with an odd config), a
// benchmark, a benchmark run, users and tokens that random requests may change or revoke (never
// the callers' own), and the ids each path's {id} can take.
import { allEndpoints } from "@/lib/openapi/endpoints";
import type { Endpoint } from "@/lib/http/endpoint";
import { createIdentity, type TestIdentity } from "./actors";
import { call, callRaw } from "./http";
import type { KnownValues } from "./openapi-arbitraries";
import { handlerOf } from "./route-table";

export const RUN_ENDPOINT_URL = "http://127.0.0.1:9/v1/chat/completions";

export interface FuzzFixtures {
  admin: TestIdentity;
  engineer: TestIdentity;
  viewer: TestIdentity;
  /** Ids that exist, per path with an {id}. */
  idsByPath: Record<string, string[]>;
  /** Values for body and query fields that name existing resources. */
  known: KnownValues;
}

function endpoint(method: string, path: string): Endpoint {
  const found = allEndpoints.find((e) => e.method === method && e.path === path);
  if (!found) throw new Error(`No endpoint ${method} ${path}`);
  return found;
}

export async function createFuzzFixtures(hubRepoId: string): Promise<FuzzFixtures> {
  const [admin, engineer, viewer] = [await createIdentity("admin"), await createIdentity("engineer"), await createIdentity("viewer")];
  const headers = { authorization: `Bearer ${admin.token}` };
  const api = async (method: string, path: string, url: string, json?: unknown, params: Record<string, string> = {}) => {
    const res = await call(await handlerOf(endpoint(method, path)), { method, url, json, params, headers });
    if (res.status >= 300) throw new Error(`Fixture ${method} ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const plain = await api("POST", "/api/v1/models", "/api/v1/models", { name: "fuzz/plain", parameter_count: 7, context_length: 8192, license_type: "apache-2.0", tags: ["a"] });
  const odd = await api("POST", "/api/v1/models", "/api/v1/models", {
    name: "fuzz/odd-config", license_type: "llama3.1",
    config: { num_hidden_layers: 1e9, hidden_size: 3, num_attention_heads: 7, num_key_value_heads: 0, head_dim: 1e300, vocab_size: 1, kv_lora_rank: -1 },
  });
  const withFiles = await api("POST", "/api/v1/models", "/api/v1/models", { name: "fuzz/with-files" });
  const form = new FormData();
  form.append("file", new Blob(["not really weights"]), "model.safetensors");
  const upload = await callRaw(await handlerOf(endpoint("POST", "/api/v1/models/{id}/artifacts")), {
    method: "POST", url: `/api/v1/models/${withFiles.id}/artifacts`, params: { id: withFiles.id }, body: form, headers,
  });
  if (upload.status !== 201) throw new Error(`Fixture upload answered ${upload.status}: ${upload.text}`);
  const scan = await api("POST", "/api/v1/models/{id}/scan", `/api/v1/models/${withFiles.id}/scan`, undefined, { id: withFiles.id });
  const imported = await api("POST", "/api/v1/models/import", "/api/v1/models/import", { repo_id: hubRepoId });

  const profiles = (await api("GET", "/api/v1/hardware-profiles", "/api/v1/hardware-profiles?page_size=100")).data as { id: string; gpu_count: number }[];
  const single = profiles.find((p) => p.gpu_count === 1)!;
  const benchmark = await api("POST", "/api/v1/benchmarks", "/api/v1/benchmarks", {
    model_id: plain.id, hardware_profile: single.id,
    metrics: { output_throughput_tps: 1000, ttft_ms: { mean: 50, p50: 45, p90: 80, p95: 90, p99: 120 } },
    configuration: { engine: "vllm", precision: "bf16", input_tokens: 1024, output_tokens: 128, concurrency: 8 },
  });
  const run = await api("POST", "/api/v1/benchmarks/run", "/api/v1/benchmarks/run", {
    model_id: plain.id, hardware_profile: single.id, endpoint_url: RUN_ENDPOINT_URL, engine: "vllm", precision: "bf16",
  });

  const victims = [];
  for (const [i, role] of (["viewer", "engineer"] as const).entries()) {
    victims.push(await api("POST", "/api/v1/users", "/api/v1/users", { email: `victim-${i}@example.com`, password: "correct-horse-battery", role }));
  }
  const victimTokens = [];
  for (const victim of victims) victimTokens.push(await api("POST", "/api/v1/tokens", "/api/v1/tokens", { name: "victim token", user_id: victim.id }));
  const licenses = ((await api("GET", "/api/v1/licenses", "/api/v1/licenses?page_size=100")).data as { id: string }[]).map((l) => l.id);

  const modelIds = [plain.id, odd.id, withFiles.id, imported.id];
  const licenseIds = ["apache-2.0", "llama3.1", "other", ...licenses.slice(0, 5)];
  return {
    admin, engineer, viewer,
    idsByPath: {
      "/api/v1/models/{id}": modelIds,
      "/api/v1/scans/{id}": [scan.id],
      "/api/v1/benchmarks/{id}": [benchmark.id],
      "/api/v1/benchmarks/runs/{id}": [run.id],
      "/api/v1/users/{id}": victims.map((v) => v.id),
      "/api/v1/tokens/{id}": victimTokens.map((t) => t.id),
      "/api/v1/licenses/{id}": licenseIds,
      "/api/v1/hardware-profiles/{id}": profiles.slice(0, 3).map((p) => p.id),
    },
    known: {
      model_id: modelIds,
      hardware_profile: profiles.slice(0, 3).map((p) => p.id),
      user_id: victims.map((v) => v.id),
      repo_id: [hubRepoId, "does-not/exist"],
      endpoint_url: [RUN_ENDPOINT_URL, "http://169.254.169.254/latest/meta-data", "file:///etc/passwd"],
      license_type: licenseIds,
      revision: ["main", "v1.0", "0000000000000000000000000000000000000000"],
    },
  };
}

/** The known ids for a path: those of the resource its {id} names (/models/{id}/scan takes model ids). */
export function idsForPath(fixtures: FuzzFixtures, path: string): string[] {
  const at = path.indexOf("{id}");
  return at < 0 ? [] : (fixtures.idsByPath[path.slice(0, at + "{id}".length)] ?? []);
}
