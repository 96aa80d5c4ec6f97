// The Hub client: everything an import needs from one repository at one revision, read without
// downloading weights. Model info and the file tree come through @huggingface/hub (given our
// fetch, so token, timeout and retry rules hold for every request); small text files and the
// safetensors and GGUF headers are read with our own Range requests (see safetensors.ts for why).
import { listFiles, modelInfo } from "@huggingface/hub";
import { readGgufHeader, type GgufHeader } from "./gguf";
import { createHubFetch, HubResponseError, type HubFetchOptions } from "./http";
import { guessHeaderBytes, readSafetensorsHeader, SafetensorsFormatError, shardsOfIndex } from "./safetensors";

export interface HubFile {
  path: string;
  size: number;
  /** The LFS sha256; null for files kept in git (their oid is a sha1 of the blob). */
  sha256: string | null;
  /** The resolve URL at the imported revision: a scan streams the file from here. */
  url: string;
}

export interface HubWeights {
  format: "safetensors" | "gguf";
  /** Exact: the sum over every tensor of its element count, from the file headers. */
  parameters: number;
  files: string[];
  gguf: GgufHeader | null;
}

export interface HubSnapshot {
  repoId: string;
  sha: string;
  ref: string;
  gated: false | "auto" | "manual";
  private: boolean;
  pipelineTag: string | null;
  libraryName: string | null;
  tags: string[];
  cardData: Record<string, unknown>;
  readme: string | null;
  config: unknown;
  license: { path: string; text: string } | null;
  files: HubFile[];
  weights: HubWeights | null;
}

export type HubClient = ReturnType<typeof createHubClient>;

const TEXT_LIMIT = 256 * 1024;
const CONFIG_LIMIT = 1024 * 1024;
const INDEX_LIMIT = 100 * 1024 * 1024;
const SHARD_READS = 8;
const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|rst))?$/i;
const GGUF_SPLIT = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/;

export function createHubClient(options: HubFetchOptions) {
  const fetch = createHubFetch(options);
  const hubUrl = options.endpoint.replace(/\/+$/, "");
  const resolveUrl = (repoId: string, sha: string, path: string) =>
    `${hubUrl}/${repoId}/resolve/${encodeURIComponent(sha)}/${path.split("/").map(encodeURIComponent).join("/")}`;

  /** Bytes [start, end) of a file; refuses a server that ignores the Range and sends it all. */
  async function readRange(url: string, start: number, end: number): Promise<Uint8Array> {
    const response = await fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` } });
    if (response.status !== 206 && start > 0) {
      await response.body?.cancel();
      throw new HubResponseError(url, `the download host ignored the Range request (answered ${response.status})`);
    }
    return readCapped(response, end - start);
  }

  async function readText(file: HubFile, limit: number): Promise<string> {
    if (file.size === 0) return "";
    return new TextDecoder().decode(await readRange(file.url, 0, Math.min(limit, file.size)));
  }

  async function readJson(file: HubFile, limit = CONFIG_LIMIT): Promise<unknown> {
    try {
      return JSON.parse(await readText(file, limit));
    } catch (error) {
      if (error instanceof SyntaxError) return null;
      throw error;
    }
  }

  async function readSafetensors(repoId: string, sha: string, files: HubFile[]): Promise<HubWeights | null> {
    const byPath = new Map(files.map((file) => [file.path, file]));
    const index = byPath.get("model.safetensors.index.json");
    let targets: { file: HubFile; guess?: number }[];
    if (index) {
      const shards = shardsOfIndex(await readJson(index, INDEX_LIMIT), index.path);
      targets = [...shards].map(([path, tensors]) => {
        const file = byPath.get(path);
        if (!file) throw new SafetensorsFormatError(`${index.path} names ${path}, which is not in the repository`);
        return { file, guess: guessHeaderBytes(tensors) };
      });
    } else {
      const single = byPath.get("model.safetensors");
      targets = (single ? [single] : files.filter((file) => !file.path.includes("/") && file.path.endsWith(".safetensors"))).map((file) => ({ file }));
    }
    if (targets.length === 0) return null;
    const summaries = await inParallel(targets, SHARD_READS, ({ file, guess }) =>
      readSafetensorsHeader((start, end) => readRange(file.url, start, end), file.size, file.path, guess),
    );
    return {
      format: "safetensors",
      parameters: summaries.reduce((sum, summary) => sum + summary.parameters, 0),
      files: [...(index ? [index.path] : []), ...targets.map((target) => target.file.path)],
      gguf: null,
    };
  }

  async function readGguf(repoId: string, sha: string, files: HubFile[]): Promise<HubWeights | null> {
    const ggufs = files.filter((file) => file.path.endsWith(".gguf"));
    if (ggufs.length === 0) return null;
    // Every quantization holds the same tensors; read the usual Q4_K_M, else the smallest.
    const chosen = ggufs.find((file) => /q4_k_m/i.test(file.path)) ?? [...ggufs].sort((a, b) => a.size - b.size)[0];
    const split = GGUF_SPLIT.exec(chosen.path);
    const parts = split ? ggufs.filter((file) => file.path.startsWith(`${split[1]}-`) && GGUF_SPLIT.test(file.path)) : [chosen];
    let parameters = 0;
    let first: GgufHeader | null = null;
    for (const part of parts.sort((a, b) => a.path.localeCompare(b.path))) {
      const url = resolveUrl(repoId, sha, part.path);
      const header = await readGgufHeader((start, end) => readRange(url, start, end), part.size);
      parameters += header.parameterCount;
      first ??= header;
    }
    return { format: "gguf", parameters, files: parts.map((part) => part.path), gguf: first };
  }

  return {
    endpoint: hubUrl,
    tokenSet: Boolean(options.token),

    /** Reads a repository at `ref` (a branch, tag or commit), pinned to the commit it resolves to. */
    async snapshot(repoId: string, ref = "main"): Promise<HubSnapshot> {
      const infoUrl = `${hubUrl}/api/models/${repoId}/revision/${encodeURIComponent(ref)}`;
      const info = await hubAnswer(infoUrl, () => modelInfo({
        name: repoId, revision: ref, hubUrl, fetch,
        additionalFields: ["sha", "cardData", "library_name", "tags"],
      }));
      const canonical: unknown = info.name;
      const sha: unknown = info.sha;
      if (typeof canonical !== "string" || !canonical || typeof sha !== "string" || !sha) {
        throw new HubResponseError(infoUrl, "the model info has no repository id or commit sha");
      }
      const treeUrl = `${hubUrl}/api/models/${canonical}/tree/${sha}`;
      const files: HubFile[] = [];
      await hubAnswer(treeUrl, async () => {
        for await (const entry of listFiles({ repo: { type: "model", name: canonical }, revision: sha, recursive: true, hubUrl, fetch })) {
          if (entry.type !== "file") continue;
          const size: unknown = entry.lfs?.size ?? entry.size;
          if (typeof entry.path !== "string" || typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
            throw new HubResponseError(treeUrl, "a file in the listing has no usable path or size");
          }
          files.push({ path: entry.path, size, sha256: entry.lfs?.oid ?? null, url: resolveUrl(canonical, sha, entry.path) });
        }
      });
      const find = (test: (path: string) => boolean) => files.find((file) => test(file.path));
      const readme = find((path) => path === "README.md");
      const config = find((path) => path === "config.json");
      const license = files.filter((file) => LICENSE_FILE.test(file.path)).sort((a, b) => a.path.length - b.path.length)[0];

      const [readmeText, configJson, licenseText, weights] = await Promise.all([
        readme ? readText(readme, TEXT_LIMIT) : null,
        config ? readJson(config) : null,
        license ? readText(license, TEXT_LIMIT) : null,
        readSafetensors(canonical, sha, files).then((found) => found ?? readGguf(canonical, sha, files)),
      ]);
      return {
        repoId: canonical,
        sha,
        ref,
        gated: info.gated,
        private: info.private,
        pipelineTag: info.task ?? null,
        libraryName: typeof info.library_name === "string" ? info.library_name : null,
        tags: Array.isArray(info.tags) ? info.tags : [],
        cardData: (info.cardData ?? {}) as Record<string, unknown>,
        readme: readmeText,
        config: configJson,
        license: license && licenseText !== null ? { path: license.path, text: licenseText } : null,
        files,
        weights,
      };
    },
  };
}

/**
 * A call into @huggingface/hub, which parses the Hub's JSON itself: when the Hub sends something
 * else, the library's SyntaxError (not JSON) or TypeError (a field missing or of the wrong type)
 * is the Hub's bad answer, not a bug of ours. Our fetch's own errors are typed and pass through.
 */
async function hubAnswer<T>(url: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SyntaxError) throw new HubResponseError(url, `not valid JSON (${error.message})`);
    if (error instanceof TypeError) throw new HubResponseError(url, `not the expected shape (${error.message})`);
    throw error;
  }
}

/** At most `limit` bytes of a body, cancelling the rest (a server may ignore Range on small files). */
async function readCapped(response: Response, limit: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= limit) await reader.cancel();
  const out = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, Math.min(chunk.byteLength, out.length - offset));
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Maps items with at most `limit` promises in flight, keeping the order. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
