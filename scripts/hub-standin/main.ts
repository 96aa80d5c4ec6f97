// npm run hub:standin: the Hub stand-in on fixed ports, for the demo and the end-to-end tests.
// Point the app at it with HF_ENDPOINT=http://127.0.0.1:<port>; gated repos open with the token
// hf_standin_granted_0123456789.
//   HUB_STANDIN_PORT (9187), HUB_STANDIN_CDN_PORT (the port + 1)
import { fixtureRepoIds } from "./fixtures";
import { GRANTED_TOKEN, startHubStandin } from "./server";

const port = Number(process.env.HUB_STANDIN_PORT ?? 9187);
const cdnPort = Number(process.env.HUB_STANDIN_CDN_PORT ?? port + 1);

const standin = await startHubStandin({ port, cdnPort });
console.log(`Hub stand-in at ${standin.url} (downloads from ${standin.cdnUrl})`);
console.log(`Token for gated and private repos: ${GRANTED_TOKEN}`);
console.log(`Repos:\n  ${fixtureRepoIds.join("\n  ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void standin.close().then(() => process.exit(0)));
}
