// Where a scanned file's bytes come from: the artifact folder for uploads, the Hub for Hub files
// (HUGGINGFACE_TOKEN goes to HF_ENDPOINT's own host only, never to the CDN it redirects to).
import { stat } from "node:fs/promises";
import { readStored, storedFile } from "./storage";

/** The scan cannot succeed by retrying (a missing upload, a Hub file that is gone or forbidden). */
export class PermanentScanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentScanError";
  }
}

export interface HubAccess {
  endpoint: string;
  token?: string;
  fetch?: typeof fetch;
}

export interface SourceFile {
  path: string;
  source: "upload" | "huggingface";
  storagePath: string | null;
  url: string | null;
}

export async function openSource(file: SourceFile, hub: HubAccess): Promise<AsyncIterable<Buffer>> {
  if (file.source === "upload") {
    if (!file.storagePath) throw new PermanentScanError(`${file.path} has no stored bytes`);
    try {
      await stat(storedFile(file.storagePath));
    } catch {
      throw new PermanentScanError(`The uploaded file ${file.path} is missing from storage; upload it again`);
    }
    return readStored(file.storagePath);
  }
  if (!file.url) throw new PermanentScanError(`${file.path} has no Hub URL`);
  return fetchHubFile(file.url, hub, file.path);
}

async function fetchHubFile(start: string, hub: HubAccess, name: string): Promise<AsyncIterable<Buffer>> {
  const doFetch = hub.fetch ?? fetch;
  const hubHost = new URL(hub.endpoint).host;
  let url = new URL(start);
  // Only the configured Hub is asked (it may redirect to its download host): a URL recorded
  // under another HF_ENDPOINT, or put in the row some other way, is not fetched.
  if (url.origin !== new URL(hub.endpoint).origin) {
    throw new PermanentScanError(`${name} is recorded at ${url.origin}, which is not the configured Hub (HF_ENDPOINT); sync the model`);
  }
  for (let hop = 0; hop < 6; hop++) {
    const headers: Record<string, string> = { "user-agent": "budmodel-scanner" };
    if (hub.token && url.host === hubHost) headers.authorization = `Bearer ${hub.token}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers, redirect: "manual" });
    } catch (error) {
      throw new Error(`The Hub could not be reached for ${name}: ${(error as Error).message}`, { cause: error });
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get("location")) {
      await response.body?.cancel();
      url = new URL(response.headers.get("location")!, url);
      continue;
    }
    if (response.ok && response.body) return response.body as unknown as AsyncIterable<Buffer>;
    await response.body?.cancel();
    if (response.status === 401 || response.status === 403) {
      throw new PermanentScanError(`The Hub refused ${name} (${response.status}): the repository is gated or private; set HUGGINGFACE_TOKEN`);
    }
    if (response.status === 404) throw new PermanentScanError(`The Hub has no file ${name} at the recorded URL (404); sync the model`);
    throw new Error(`The Hub answered ${response.status} for ${name}`);
  }
  throw new PermanentScanError(`Too many redirects fetching ${name}`);
}
