// The load generator's thread: it times requests on an event loop of its own, so the server's
// other work (requests, database writes, the progress updates of this very run) cannot delay
// the moment a token is seen. Messages: progress {done, failed}, then result or error.
import { parentPort, workerData } from "node:worker_threads";
import { EndpointCheckError, runLoad, type LoadSpec } from "./measure";

const { spec } = workerData as { spec: LoadSpec };

runLoad(spec, { onProgress: (done, failed) => parentPort!.postMessage({ type: "progress", done, failed }) })
  .then((result) => parentPort!.postMessage({ type: "result", result }))
  .catch((error: Error) => parentPort!.postMessage({ type: "error", message: error.message, endpointCheck: error instanceof EndpointCheckError }));
