import { startHubStandin, GRANTED_TOKEN } from "./server";
import { createHubClient } from "../../lib/huggingface/client";
const s = await startHubStandin();
const client = createHubClient({ endpoint: s.url, token: GRANTED_TOKEN });
for (const id of ["Qwen/Qwen2.5-0.5B-Instruct", "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF", "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF", "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF", "mistralai/Mixtral-8x7B-Instruct-v0.1", "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", "llava-hf/llava-1.5-7b-hf", "meta-llama/Llama-3.1-8B-Instruct", "hf-internal-testing/tiny-random-LlamaForCausalLM"]) {
  s.log.length = 0;
  const t = performance.now();
  const snap = await client.snapshot(id);
  console.log(id, snap.weights?.format, snap.weights?.parameters === s.facts.get(id)?.parameters, "ms", Math.round(performance.now() - t), "bytes", s.bytesServed(), "reqs", s.log.length, "cdn-auth", s.log.filter(e => e.host === "cdn" && e.authorization).length);
}
await s.close();
