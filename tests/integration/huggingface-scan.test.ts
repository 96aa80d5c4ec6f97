// A model imported from the Hub is scanned by streaming its files from the Hub (the stand-in),
// through the same pipeline as uploads: the token stays on HF_ENDPOINT's host.
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { importModel } from "@/lib/huggingface/service";
import { stopBoss } from "@/lib/jobs/boss";
import { runScanAttempt } from "@/lib/scans/runner";
import { getScanOrThrow, requestScan } from "@/lib/scans/service";
import { GRANTED_TOKEN, startHubStandin, type HubStandin } from "@/scripts/hub-standin/server";

let standin: HubStandin;
const context = { actor: { type: "system" as const, label: "hub scan test" } };

beforeAll(async () => {
  standin = await startHubStandin();
  env.HF_ENDPOINT = standin.url;
  env.HUGGINGFACE_TOKEN = GRANTED_TOKEN;
});
afterAll(async () => {
  await stopBoss();
  await standin.close();
  await closeDatabase();
});

it("scans an imported model's files by streaming them from the Hub", async () => {
  const { model } = await importModel({ repo_id: "hf-internal-testing/tiny-random-LlamaForCausalLM" }, context);
  standin.log.length = 0;
  const { scan } = await requestScan(model.id, context);
  const outcome = await runScanAttempt(scan.id, { number: 1, last: true }, { clamd: null, hub: { endpoint: standin.url, token: GRANTED_TOKEN } });
  expect(outcome).toBe("completed");

  const done = await getScanOrThrow(scan.id);
  expect(done.status).toBe("completed");
  const served = standin.repos.get("hf-internal-testing/tiny-random-llamaforcausallm")!;
  const file = served.revisions.get(served.refs.get("main")!)!.files.get("model.safetensors")!;
  const weights = done.files.find((entry) => entry.path === "model.safetensors")!;
  expect(weights).toMatchObject({ size: file.file.size, sha256: file.lfs!.oid });
  expect(weights.findings.filter((f) => f.severity === "critical" || f.severity === "high")).toEqual([]);

  // The whole file came from the download host, without the token.
  const download = standin.log.find((entry) => entry.host === "cdn" && entry.path.includes("model.safetensors") && entry.range === null);
  expect(download).toMatchObject({ status: 200, authorization: null });
  expect(download!.bytes).toBe(weights.size);
  expect(standin.log.filter((entry) => entry.host === "hub").every((entry) => entry.authorization === `Bearer ${GRANTED_TOKEN}`)).toBe(true);
});
