// Fault: the Hub stand-in timing out or answering garbage in the middle of an import or a sync.
// Each import answers within a bound with a clear error in the one shape (504 when the Hub did not
// answer in time, 502 when its answer could not be read, 503 when it kept failing), naming the
// Hub, and nothing is half-written: every application table is exactly as it was before.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/models/import/route";
import { POST as syncRoute } from "@/app/api/v1/models/[id]/sync/route";
import { closeDatabase, db } from "@/lib/db";
import { env } from "@/lib/env";
import { startHubStandin, type HubStandin, type InjectedFailure } from "@/scripts/hub-standin/server";
import { BOOTSTRAP_TOKEN } from "./support/actors";
import { changedTables, openDatabaseState, type DatabaseState } from "./support/database-state";
import { call } from "./support/http";

const REPO = "hf-internal-testing/tiny-random-LlamaForCausalLM";
// HF_TIMEOUT_MS where the Hub is to time out, and where it is not (a loaded machine must not turn
// a garbage answer into a timeout).
const TIMEOUT_MS = 1_000;
const PATIENT_TIMEOUT_MS = 15_000;
// Two tries of TIMEOUT_MS with a backoff between them, and the rest of the import, on a busy machine.
const ANSWER_BOUND_MS = 8_000;
const headers = { authorization: `Bearer ${BOOTSTRAP_TOKEN}` };

let standin: HubStandin;
let database: DatabaseState;

// The environment is parsed once at start-up; the tests point it at the stand-in with short
// waits, as an operator would with HF_ENDPOINT, HF_TIMEOUT_MS and HF_RETRIES.
beforeAll(async () => {
  // The files share one database: a repo another file imported would make these imports updates.
  await (await db()).model.deleteMany();
  standin = await startHubStandin();
  Object.assign(env, { HF_ENDPOINT: standin.url, HF_TIMEOUT_MS: PATIENT_TIMEOUT_MS, HF_RETRIES: 1, HUGGINGFACE_TOKEN: undefined });
  database = await openDatabaseState(inject("databaseUrl"));
});
beforeEach(() => {
  standin.reset();
  env.HF_TIMEOUT_MS = PATIENT_TIMEOUT_MS;
});
afterAll(async () => {
  await standin?.close();
  await database?.close();
  await closeDatabase();
});

/** Runs a request against the faulty Hub: its answer, how long it took, and what it changed. */
async function underFault(failure: Omit<InjectedFailure, "times">, request: () => ReturnType<typeof call>, timeoutMs = PATIENT_TIMEOUT_MS) {
  const before = await database.fingerprint();
  standin.fail({ ...failure, times: 100 });
  env.HF_TIMEOUT_MS = timeoutMs;
  const started = performance.now();
  const res = await request();
  const ms = performance.now() - started;
  env.HF_TIMEOUT_MS = PATIENT_TIMEOUT_MS;
  return { res, ms, changed: changedTables(before, await database.fingerprint()) };
}

const importRepo = () => call(importRoute, { method: "POST", url: "/api/v1/models/import", json: { repo_id: REPO }, headers });
const info = `/api/models/${REPO}/revision/`;
const tree = `/api/models/${REPO}/tree/`;
const htmlPage = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";

interface Fault {
  what: string;
  failure: Omit<InjectedFailure, "times">;
  status: number;
  code: string;
  hubError: string;
  message: RegExp;
}

const faults: Fault[] = [
  { what: "the model info never answers", failure: { path: info, delayMs: 10_000 }, status: 504, code: "gateway_timeout", hubError: "timeout", message: /did not answer in time \(no answer within 1000 ms\)/ },
  { what: "the model info stalls part-way through its body", failure: { path: info, cutAfter: 20, cut: "stall" }, status: 504, code: "gateway_timeout", hubError: "timeout", message: /did not answer in time \(the download stalled for 1000 ms\)/ },
  { what: "the safetensors header read stalls on the download host", failure: { path: "/blobs/", cutAfter: 4, cut: "stall" }, status: 504, code: "gateway_timeout", hubError: "timeout", message: /did not answer in time/ },
  { what: "the model info is an HTML error page with 200", failure: { path: info, body: htmlPage, contentType: "text/html" }, status: 502, code: "bad_gateway", hubError: "bad_response", message: /could not be read \(not valid JSON/ },
  { what: "the model info is cut-off JSON", failure: { path: info, body: '{"id": "hf-internal-testing/tiny-random-LlamaForCausalLM", "sha": "c6ca' }, status: 502, code: "bad_gateway", hubError: "bad_response", message: /not valid JSON/ },
  { what: "the model info is JSON of the wrong shape", failure: { path: info, body: '{"id": 5, "downloads": "many"}' }, status: 502, code: "bad_gateway", hubError: "bad_response", message: /no repository id or commit sha/ },
  { what: "the model info's connection drops short of its Content-Length", failure: { path: info, cutAfter: 30, cut: "close" }, status: 502, code: "bad_gateway", hubError: "bad_response", message: /cut off/ },
  { what: "the file listing is cut off", failure: { path: tree, cutAfter: 50, cut: "close" }, status: 502, code: "bad_gateway", hubError: "bad_response", message: /cut off/ },
  { what: "the file listing is JSON of the wrong shape", failure: { path: tree, body: '{"files": []}' }, status: 502, code: "bad_gateway", hubError: "bad_response", message: /not the expected shape/ },
  { what: "the file listing names a file with no size", failure: { path: tree, body: '[{"type": "file", "path": "config.json", "oid": "x"}]' }, status: 502, code: "bad_gateway", hubError: "bad_response", message: /no usable path or size/ },
  { what: "config.json is cut off", failure: { path: "/config.json", cutAfter: 10, cut: "close" }, status: 502, code: "bad_gateway", hubError: "bad_response", message: /cut off/ },
  { what: "the Hub keeps answering 500 with an HTML page", failure: { path: info, status: 500, body: htmlPage, contentType: "text/html" }, status: 503, code: "unavailable", hubError: "unavailable", message: /answered 500 after several tries/ },
];

describe("an import while the Hub times out or answers garbage", () => {
  it.each(faults)("$what: $status $code, nothing written", async ({ failure, status, code, hubError, message }) => {
    const { res, ms, changed } = await underFault(failure, importRepo, status === 504 ? TIMEOUT_MS : PATIENT_TIMEOUT_MS);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.stringMatching(message), details: expect.objectContaining({ hub_error: hubError, repo_id: REPO }) } });
    expect(res.body.error.message).toContain(standin.url);
    expect(ms).toBeLessThan(ANSWER_BOUND_MS);
    expect(changed).toEqual([]);
  });

  it("the same import succeeds once the Hub behaves again", async () => {
    const res = await importRepo();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: REPO, parameters_exact: 1_032_272 });
  });
});

describe("a sync while the Hub times out or answers garbage", () => {
  it("leaves the imported model, its revisions, artifacts and history exactly as they were", async () => {
    const imported = await importRepo();
    expect([200, 201]).toContain(imported.status);
    const id = imported.body.id as string;
    // A new commit on the Hub, so a sync that got through would change the model.
    standin.commit(REPO, { cardData: { license: "mit" } });
    const sync = () => call(syncRoute, { method: "POST", url: `/api/v1/models/${id}/sync`, params: { id }, headers });
    for (const [failure, status] of [[{ path: tree, cutAfter: 50, cut: "close" }, 502], [{ path: "/blobs/", cutAfter: 4, cut: "stall" }, 504]] as const) {
      const { res, ms, changed } = await underFault(failure, sync, status === 504 ? TIMEOUT_MS : PATIENT_TIMEOUT_MS);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(ms).toBeLessThan(ANSWER_BOUND_MS);
      expect(changed).toEqual([]);
      standin.reset();
      standin.commit(REPO, { cardData: { license: "mit" } });
    }
    const synced = await sync();
    expect(synced.status).toBe(200);
    expect(synced.body.license_type).toBe("mit");
  });
});
