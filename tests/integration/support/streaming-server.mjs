// A stand-in for an OpenAI-compatible server (vLLM and the like) with known timing: the first
// token after TTFT_MS, then one token every ITL_MS, max_tokens of them, streamed as
// chat.completion.chunk events with a final usage chunk. Run in its own process so the timing
// is not disturbed by the process under test. Prints its port when listening.
//   model "always-fails": every request answers 500; "flaky": every third request for it does.
//   GET /stats: the times it really sent at (timers fire a little late), DELETE /stats clears them.
//   API_KEY set: a completion without `Authorization: Bearer <API_KEY>` is answered 401; model
//   "echo-auth" answers 500 with the Authorization header it got in the message (as careless
//   servers do), so the runner's error must not repeat it.
import http from "node:http";

const TTFT_MS = Number(process.env.TTFT_MS ?? 120);
const ITL_MS = Number(process.env.ITL_MS ?? 25);
const API_KEY = process.env.API_KEY;
let flakyServed = 0;
let stats = { ttfts: [], gaps: [] };

const server = http.createServer((request, response) => {
  if (request.url === "/stats") {
    if (request.method === "DELETE") stats = { ttfts: [], gaps: [] };
    return response.end(JSON.stringify(stats));
  }
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    const started = performance.now();
    const { model, max_tokens: tokens, messages } = JSON.parse(body);
    const authorization = request.headers.authorization ?? "";
    if (model === "echo-auth") {
      response.writeHead(500, { "content-type": "application/json" });
      return response.end(JSON.stringify({ error: { message: `refused ${authorization}` } }));
    }
    if (API_KEY && authorization !== `Bearer ${API_KEY}`) {
      response.writeHead(401, { "content-type": "application/json" });
      return response.end(JSON.stringify({ error: { message: "missing or wrong API key" } }));
    }
    if (model === "flaky") flakyServed++;
    if (model === "always-fails" || (model === "flaky" && flakyServed % 3 === 0)) {
      response.writeHead(500, { "content-type": "application/json" });
      return response.end(JSON.stringify({ error: { message: "the model is overloaded" } }));
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const event = (data) => response.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta, finish = null) => event({ id: "chatcmpl-1", object: "chat.completion.chunk", model, choices: [{ index: 0, delta, finish_reason: finish }] });
    let sent = 0;
    let last = 0;
    // Each token at an absolute time, so the gaps do not drift with timer lateness.
    const next = () => {
      const now = performance.now();
      if (sent === 0) stats.ttfts.push(now - started);
      else stats.gaps.push(now - last);
      last = now;
      chunk(sent === 0 ? { role: "assistant", content: "tok" } : { content: " tok" });
      sent++;
      if (sent < tokens) return setTimeout(next, started + TTFT_MS + sent * ITL_MS - performance.now());
      chunk({}, "length");
      event({ id: "chatcmpl-1", object: "chat.completion.chunk", model, choices: [], usage: { prompt_tokens: messages[0].content.split(" ").length, completion_tokens: tokens, total_tokens: tokens } });
      response.end("data: [DONE]\n\n");
    };
    setTimeout(next, TTFT_MS);
  });
});

server.listen(0, "127.0.0.1", () => console.log(`port ${server.address().port}`));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
