import { describe, expect, it } from "vitest";
import { parseAllowedHosts, refuseUrl } from "./allowed-hosts";
import { syntheticPrompt } from "./prompt";
import { readChunk, SseDecoder } from "./sse";
import { percentileOfSorted, summarize } from "./stats";

describe("stats", () => {
  it("interpolates percentiles as numpy does", () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileOfSorted(sorted, 50)).toBe(5.5);
    expect(percentileOfSorted(sorted, 90)).toBeCloseTo(9.1, 12);
    expect(percentileOfSorted(sorted, 99)).toBeCloseTo(9.91, 12);
    expect(percentileOfSorted([42], 99)).toBe(42);
    expect(percentileOfSorted([], 50)).toBeNull();
  });

  it("summarises unsorted values into an ordered distribution", () => {
    expect(summarize([30, 10, 20])).toEqual({ mean: 20, p50: 20, p90: 28, p95: 29, p99: expect.closeTo(29.8, 12) });
    expect(summarize([])).toBeNull();
  });
});

describe("SSE decoding", () => {
  it("yields data payloads, holding one split across chunks until it completes", () => {
    const decoder = new SseDecoder();
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(decoder.push(bytes('data: {"a":1}\n\ndata: {"b"'))).toEqual(['{"a":1}']);
    expect(decoder.push(bytes(':2}\r\n\r\n: comment\n\ndata: [DONE]\n\n'))).toEqual(['{"b":2}', "[DONE]"]);
  });

  it("reads content, reasoning content and usage from chunks, and throws on a streamed error", () => {
    expect(readChunk('{"choices":[{"delta":{"content":"Hi"}}]}')).toEqual({ text: "Hi", usage: null });
    expect(readChunk('{"choices":[{"delta":{"reasoning_content":"hmm"}}]}').text).toBe("hmm");
    expect(readChunk('{"choices":[{"delta":{"role":"assistant"}}]}').text).toBeNull();
    expect(readChunk('{"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":7}}').usage).toEqual({ prompt_tokens: 5, completion_tokens: 7 });
    expect(() => readChunk('{"error":{"message":"overloaded"}}')).toThrow("overloaded");
  });
});

describe("synthetic prompts", () => {
  it("have the requested number of words, differ by seed, and repeat for the same seed", () => {
    expect(syntheticPrompt(100, 1).split(" ")).toHaveLength(100);
    expect(syntheticPrompt(50, 1)).toBe(syntheticPrompt(50, 1));
    expect(syntheticPrompt(50, 1)).not.toBe(syntheticPrompt(50, 2));
  });
});

describe("allowed hosts", () => {
  const allowed = parseAllowedHosts(" vllm.internal , 127.0.0.1:8000,[::1]");
  it("allows a listed host on any port, or a host:port on that port only", () => {
    expect(refuseUrl("http://vllm.internal:9000/v1/chat/completions", allowed)).toBeNull();
    expect(refuseUrl("https://VLLM.internal/v1", allowed)).toBeNull();
    expect(refuseUrl("http://127.0.0.1:8000/v1", allowed)).toBeNull();
    expect(refuseUrl("http://[::1]:1234/v1", allowed)).toBeNull();
    expect(refuseUrl("http://127.0.0.1:8001/v1", allowed)).toMatch(/not one of the hosts/);
  });

  it("refuses other hosts, other schemes, credentials and everything when none are listed", () => {
    expect(refuseUrl("http://169.254.169.254/latest", allowed)).toMatch(/not one of the hosts/);
    expect(refuseUrl("file:///etc/passwd", allowed)).toMatch(/http or https/);
    expect(refuseUrl("http://user:pw@vllm.internal/v1", allowed)).toMatch(/Credentials/);
    expect(refuseUrl("not a url", allowed)).toMatch(/valid URL/);
    expect(refuseUrl("http://vllm.internal/v1", [])).toMatch(/BENCHMARK_ALLOWED_HOSTS/);
  });
});
