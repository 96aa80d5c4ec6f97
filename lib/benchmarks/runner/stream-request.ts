// One streamed POST with node's own http client: it hands over each network chunk as it lands
// with far less overhead than fetch's web streams, which matters when timing tokens to the
// millisecond. Redirects are never followed (only the allowed host itself is called, and so only
// it ever sees the API key).
import http from "node:http";
import https from "node:https";

export interface StreamedResponse {
  status: number;
  /** The first 200 characters of a non-200 answer, for the error message. */
  errorText: string;
}

export function streamRequest(
  url: string,
  body: string,
  onChunk: (chunk: Uint8Array, at: number) => void,
  options: { timeoutMs: number; signal?: AbortSignal; apiKey?: string },
): Promise<StreamedResponse> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(target, {
      method: "POST",
      headers: {
        "Content-Type": "application/json", Accept: "text/event-stream", "Content-Length": Buffer.byteLength(body),
        ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}),
      },
      signal: options.signal,
      // One connection per in-flight request, kept alive for the next, as a benchmark client does.
      agent: target.protocol === "https:" ? httpsAgent : httpAgent,
    });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error(`No complete answer within ${options.timeoutMs / 1000} s`), { name: "TimeoutError" })), options.timeoutMs);
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      let errorText = "";
      response.on("data", (chunk: Buffer) => {
        const at = performance.now();
        if (status === 200) onChunk(chunk, at);
        else if (errorText.length < 200) errorText += chunk.toString("utf8");
      });
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ status, errorText: errorText.slice(0, 200) });
      });
      response.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 512 });
