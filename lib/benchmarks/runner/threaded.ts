// Runs the load generator on a worker thread (load-worker.ts) and relays its progress. In the
// built server the bundler compiles the worker; run from source (tests, tsx) it is compiled on
// the fly by tsx, which the source runs under anyway.
import { Worker } from "node:worker_threads";
import { EndpointCheckError, type LoadHooks, type LoadResult, type LoadSpec } from "./measure";

type Message =
  | { type: "progress"; done: number; failed: number }
  | { type: "result"; result: LoadResult }
  | { type: "error"; message: string; endpointCheck: boolean };

function startWorker(spec: LoadSpec): Worker {
  if (import.meta.url.endsWith(".ts")) {
    const entry = import.meta.url.replace(/threaded\.ts$/, "load-worker.ts");
    const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(bootstrap, { eval: true, workerData: { spec } });
  }
  return new Worker(new URL("./load-worker.ts", import.meta.url), { workerData: { spec } });
}

/** `signal`: stop the load at once (the thread is ended, its connections with it) and reject. */
export function runLoadThreaded(spec: LoadSpec, hooks: Pick<LoadHooks, "onProgress" | "signal"> = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const { signal } = hooks;
    if (signal?.aborted) return reject(new Error("The load was cancelled before it started"));
    const worker = startWorker(spec);
    let settled = false;
    const onAbort = () => settle(() => reject(new Error("The load was cancelled")));
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      outcome();
      void worker.terminate();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: Message) => {
      if (message.type === "progress") hooks.onProgress?.(message.done, message.failed);
      else if (message.type === "result") settle(() => resolve(message.result));
      else settle(() => reject(message.endpointCheck ? new EndpointCheckError(message.message) : new Error(message.message)));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) => settle(() => reject(new Error(`The load generator stopped unexpectedly (exit ${code})`))));
  });
}
