import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GRANTED_TOKEN, startHubStandin, type HubStandin } from "@/scripts/hub-standin/server";
import { createHubFetch, HubHttpError, HubResponseError, HubUnreachableError, parseRetryAfter } from "./http";

let standin: HubStandin;
let waits: number[];
const sleep = async (ms: number) => void waits.push(ms);

beforeAll(async () => {
  standin = await startHubStandin();
});
afterAll(async () => standin.close());
beforeEach(() => {
  standin.reset();
  waits = [];
});

const llamaConfig = () => `${standin.url}/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json`;
const llamaShard = () => `${standin.url}/meta-llama/Llama-3.1-8B-Instruct/resolve/main/model-00001-of-00004.safetensors`;

describe("the token", () => {
  it("goes to HF_ENDPOINT's origin and never to the download host a redirect leads to", async () => {
    const hubFetch = createHubFetch({ endpoint: standin.url, token: GRANTED_TOKEN, sleep });
    const response = await hubFetch(llamaShard(), { headers: { Range: "bytes=0-7" } });
    expect(response.status).toBe(206);
    expect(response.url.startsWith(standin.cdnUrl)).toBe(true);
    const [hub, cdn] = standin.log;
    expect(hub).toMatchObject({ host: "hub", status: 302, authorization: `Bearer ${GRANTED_TOKEN}` });
    expect(cdn).toMatchObject({ host: "cdn", status: 206, authorization: null, range: "bytes=0-7" });
  });

  it("is dropped even when the caller put one on the request itself", async () => {
    const hubFetch = createHubFetch({ endpoint: standin.url, sleep });
    await hubFetch(`${standin.url}/Qwen/Qwen2.5-0.5B-Instruct/resolve/main/model.safetensors`, { headers: { Range: "bytes=0-7", Authorization: "Bearer hf_someone_elses" } });
    expect(standin.log.map((entry) => entry.authorization)).toEqual([null, null]);
  });

  it("is kept across a redirect that stays on the Hub's origin", async () => {
    const server = http.createServer((req, res) => {
      if (req.url === "/old") return res.writeHead(307, { Location: "/new" }).end();
      res.writeHead(200, { "Content-Type": "text/plain" }).end(req.headers.authorization ?? "none");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const hubFetch = createHubFetch({ endpoint: origin, token: "hf_same_origin", sleep });
    expect(await (await hubFetch(`${origin}/old`)).text()).toBe("Bearer hf_same_origin");
    server.close();
  });
});

describe("retries", () => {
  it("waits out a 429's Retry-After, then succeeds", async () => {
    standin.fail({ path: "/config.json", status: 429, retryAfter: "3", times: 1 });
    const hubFetch = createHubFetch({ endpoint: standin.url, token: GRANTED_TOKEN, sleep });
    const response = await hubFetch(llamaConfig());
    expect(response.status).toBe(200);
    expect(waits).toEqual([3000]);
    expect(standin.log.map((entry) => entry.status)).toEqual([429, 200]);
  });

  it("backs off exponentially on 5xx without a Retry-After", async () => {
    standin.fail({ path: "/config.json", status: 503, times: 3 });
    const hubFetch = createHubFetch({ endpoint: standin.url, token: GRANTED_TOKEN, sleep, backoffMs: 100 });
    expect((await hubFetch(llamaConfig())).status).toBe(200);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[2]).toBeGreaterThanOrEqual(200);
    expect(waits[2]).toBeLessThanOrEqual(400);
  });

  it("gives up after its retries with the Hub's status and Retry-After", async () => {
    standin.fail({ path: "/config.json", status: 429, retryAfter: "2", times: 10 });
    const hubFetch = createHubFetch({ endpoint: standin.url, sleep, retries: 2 });
    const error = await hubFetch(llamaConfig()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubHttpError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 2 });
    expect(waits).toEqual([2000, 2000]);
  });

  it("does not sit out a Retry-After longer than it allows", async () => {
    standin.fail({ path: "/config.json", status: 429, retryAfter: "3600", times: 1 });
    const hubFetch = createHubFetch({ endpoint: standin.url, sleep, maxRetryDelayMs: 30_000 });
    await expect(hubFetch(llamaConfig())).rejects.toMatchObject({ status: 429, retryAfterSeconds: 3600 });
    expect(waits).toEqual([]);
  });

  it("does not retry what will not change: 401, 403, 404", async () => {
    const hubFetch = createHubFetch({ endpoint: standin.url, sleep });
    await expect(hubFetch(llamaConfig())).rejects.toMatchObject({ status: 401, errorCode: "GatedRepo" });
    await expect(hubFetch(`${standin.url}/api/models/nobody/nothing/revision/main`)).rejects.toMatchObject({ status: 401, errorCode: "RepoNotFound", hubMessage: "Repository not found" });
    expect(waits).toEqual([]);
  });
});

describe("failures without an answer", () => {
  it("times out a Hub that does not answer", async () => {
    standin.fail({ path: "/config.json", delayMs: 400, times: 1 });
    const hubFetch = createHubFetch({ endpoint: standin.url, token: GRANTED_TOKEN, sleep, timeoutMs: 100, retries: 0 });
    const error = await hubFetch(llamaConfig()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubUnreachableError);
    expect((error as Error).message).toMatch(/no answer within 100 ms/);
    expect((error as HubUnreachableError).timedOut).toBe(true);
  });

  it("times out a body that stalls part-way, and calls a body cut off a bad answer", async () => {
    const hubFetch = createHubFetch({ endpoint: standin.url, sleep, timeoutMs: 100, retries: 0 });
    const url = `${standin.url}/api/models/Qwen/Qwen2.5-0.5B-Instruct/revision/main`;
    standin.fail({ path: "/api/models/Qwen", cutAfter: 10, cut: "stall", times: 1 });
    const stalled = await hubFetch(url).then((r) => r.json()).catch((e: unknown) => e);
    expect(stalled).toBeInstanceOf(HubUnreachableError);
    expect(stalled).toMatchObject({ timedOut: true, reason: "the download stalled for 100 ms" });
    standin.fail({ path: "/api/models/Qwen", cutAfter: 10, cut: "close", times: 1 });
    const cut = await hubFetch(url).then((r) => r.text()).catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(HubResponseError);
    expect((cut as HubResponseError).problem).toMatch(/cut off/);
  });

  it("retries a refused connection, then says the Hub is unreachable", async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const closed = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
    const hubFetch = createHubFetch({ endpoint: closed, sleep, retries: 2 });
    const error = await hubFetch(`${closed}/api/models/a/b`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubUnreachableError);
    expect((error as HubUnreachableError).reason).toMatch(/ECONNREFUSED/);
    expect(waits).toHaveLength(2);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120")).toBe(120);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThanOrEqual(4);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
