// A Hub file's bytes come from the configured Hub only: a recorded URL on any other origin is
// refused before a request is made (two real local servers: the Hub, and somewhere else).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource, PermanentScanError } from "./sources";

const served: string[] = [];
let hub: http.Server;
let elsewhere: http.Server;
const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function listen(name: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    served.push(`${name} ${request.url}`);
    response.end("weights");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

beforeAll(async () => {
  hub = await listen("hub");
  elsewhere = await listen("elsewhere");
});
afterAll(() => {
  hub.close();
  elsewhere.close();
});

const hubFile = (url: string) => ({ path: "model.safetensors", source: "huggingface" as const, storagePath: null, url });

async function readAll(body: AsyncIterable<Buffer>): Promise<string> {
  let text = "";
  for await (const chunk of body) text += Buffer.from(chunk).toString();
  return text;
}

describe("openSource for a Hub file", () => {
  it("streams a file recorded on the configured Hub", async () => {
    const body = await openSource(hubFile(`${urlOf(hub)}/org/name/resolve/abc/model.safetensors`), { endpoint: urlOf(hub) });
    expect(await readAll(body)).toBe("weights");
    expect(served).toContain("hub /org/name/resolve/abc/model.safetensors");
  });

  it("refuses a URL on any other origin without asking it", async () => {
    const before = served.length;
    for (const url of [`${urlOf(elsewhere)}/latest/meta-data`, `${urlOf(hub).replace("127.0.0.1", "localhost")}/x`, `https://127.0.0.1:${(hub.address() as AddressInfo).port}/x`]) {
      await expect(openSource(hubFile(url), { endpoint: urlOf(hub) })).rejects.toThrow(PermanentScanError);
    }
    expect(served.slice(before)).toEqual([]);
  });
});
