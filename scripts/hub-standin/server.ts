// A local stand-in for the Hugging Face Hub: the endpoints budmodel's client uses (model info,
// tree listing, resolve with Range and redirects to a separate download host), the Hub's gated,
// private and missing answers with its X-Error-Code headers, and injectable failures (429, 5xx,
// stalls, garbage and cut-off bodies). It logs every request, with whether it carried a token, for
// the tests to inspect.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { buildFixtureRepos, type FixtureFacts } from "./fixtures";
import { commit, type CommitChange, type FixtureRepo, type Revision } from "./repo";
import type { VirtualFile } from "./virtual-file";

export interface LoggedRequest {
  host: "hub" | "cdn";
  method: string;
  path: string;
  range: string | null;
  authorization: string | null;
  status: number;
  bytes: number;
}

export interface InjectedFailure {
  /** Applies to requests whose path (with query) contains this. */
  path: string;
  status?: number;
  retryAfter?: string;
  /** Hold the request this long before answering (to test timeouts). */
  delayMs?: number;
  /** Answer `status` (default 200) with this body instead: invalid JSON, an HTML error page, a wrong shape. */
  body?: string;
  contentType?: string;
  /**
   * Send the headers (with the whole answer's Content-Length) and only this many bytes of the body,
   * then "close" the connection (a truncated body) or "stall" (say nothing more until closed).
   */
  cutAfter?: number;
  cut?: "close" | "stall";
  times: number;
}

export interface StandinOptions {
  port?: number;
  cdnPort?: number;
  host?: string;
  /** Tokens the stand-in accepts, each with the gated/private repos it may read. */
  tokens?: Record<string, string[]>;
  treePageSize?: number;
}

export interface HubStandin {
  url: string;
  cdnUrl: string;
  log: LoggedRequest[];
  facts: Map<string, FixtureFacts>;
  repos: Map<string, FixtureRepo>;
  fail(failure: InjectedFailure): void;
  commit(repoId: string, change: CommitChange): Revision;
  reset(): void;
  bytesServed(): number;
  close(): Promise<void>;
}

export const GRANTED_TOKEN = "hf_standin_granted_0123456789";
export const UNGRANTED_TOKEN = "hf_standin_not_granted_0123456789";

export async function startHubStandin(options: StandinOptions = {}): Promise<HubStandin> {
  const host = options.host ?? "127.0.0.1";
  const tokens = options.tokens ?? {
    [GRANTED_TOKEN]: ["meta-llama/Llama-3.1-8B-Instruct", "acme-corp/internal-model"],
    [UNGRANTED_TOKEN]: [],
  };
  const pageSize = options.treePageSize ?? 1000;
  let { repos, facts } = buildFixtureRepos();
  const log: LoggedRequest[] = [];
  let failures: InjectedFailure[] = [];
  const blobs = new Map<string, { file: VirtualFile; etag: string }>();

  const hub = http.createServer((req, res) => handle("hub", req, res));
  const cdn = http.createServer((req, res) => handle("cdn", req, res));
  await Promise.all([listen(hub, options.port ?? 0, host), listen(cdn, options.cdnPort ?? 0, host)]);
  const url = `http://${host}:${(hub.address() as AddressInfo).port}`;
  const cdnUrl = `http://${host}:${(cdn.address() as AddressInfo).port}`;

  async function handle(server: "hub" | "cdn", req: http.IncomingMessage, res: http.ServerResponse) {
    const entry: LoggedRequest = {
      host: server, method: req.method ?? "GET", path: req.url ?? "/", range: req.headers.range ?? null,
      authorization: req.headers.authorization ?? null, status: 0, bytes: 0,
    };
    log.push(entry);
    // Count body bytes as they are written: the benchmark's "bytes fetched".
    const [write, end] = [res.write.bind(res), res.end.bind(res)];
    const count = (chunk: unknown) => {
      if (typeof chunk === "string" || chunk instanceof Uint8Array) entry.bytes += Buffer.byteLength(chunk);
    };
    res.write = ((chunk: Buffer | string, ...rest: never[]) => (count(chunk), write(chunk, ...rest))) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: never[]) => (count(chunk), end(chunk as Buffer, ...rest))) as typeof res.end;
    res.on("finish", () => (entry.status = res.statusCode));
    const failure = failures.find((f) => f.times > 0 && entry.path.includes(f.path));
    if (failure) {
      failure.times--;
      if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
      if (failure.cutAfter !== undefined) cutBody(res, failure.cutAfter, failure.cut ?? "close");
      if (failure.body !== undefined) {
        return send(res, failure.status ?? 200, failure.body, { "Content-Type": failure.contentType ?? "application/json" });
      }
      if (failure.status) {
        return send(res, failure.status, { error: `Injected ${failure.status}` }, failure.retryAfter ? { "Retry-After": failure.retryAfter } : {});
      }
    }
    try {
      if (server === "cdn") return serveBlob(req, res);
      return serveHub(req, res);
    } catch (error) {
      return send(res, 500, { error: String(error) });
    }
  }

  function serveHub(req: http.IncomingMessage, res: http.ServerResponse) {
    const target = new URL(req.url ?? "/", url);
    const path = decodeURIComponent(target.pathname);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? null;
    if (token !== null && !(token in tokens)) return send(res, 401, { error: "Invalid credentials in Authorization header" });

    const info = /^\/api\/models\/(.+?)(?:\/revision\/([^/]+))?$/.exec(path);
    const tree = /^\/api\/models\/(.+?)\/tree\/([^/]+)(?:\/(.*))?$/.exec(path);
    const resolve = /^\/(.+?)\/(resolve|raw)\/([^/]+)\/(.+)$/.exec(path);
    if (tree) {
      const found = findRevision(res, tree[1], tree[2], token, false);
      if (found) return sendTree(res, target, found.repo, found.revision, tree[3] ?? "");
    } else if (info) {
      const found = findRevision(res, info[1], info[2] ?? "main", token, false);
      if (found) return send(res, 200, modelInfo(found.repo, found.revision, target.searchParams.getAll("expand")));
    } else if (resolve) {
      const found = findRevision(res, resolve[1], resolve[3], token, true);
      if (found) return serveFile(req, res, found.repo, found.revision, resolve[4]);
    } else {
      return send(res, 404, { error: "Not found" });
    }
  }

  /** The repo and revision, or the Hub's answer for private, missing and gated repos. */
  function findRevision(res: http.ServerResponse, repoId: string, ref: string, token: string | null, content: boolean) {
    const repo = repos.get(repoId.toLowerCase());
    const granted = token !== null && (tokens[token] ?? []).some((id) => id.toLowerCase() === repoId.toLowerCase());
    if (!repo || (repo.private && !granted)) {
      // The Hub does not say whether a private repo exists; without a token it answers 401.
      send(res, token ? 404 : 401, { error: "Repository not found" }, { "X-Error-Code": "RepoNotFound", "X-Error-Message": "Repository not found" });
      return null;
    }
    const sha = repo.refs.get(ref) ?? (repo.revisions.has(ref) ? ref : undefined);
    if (!sha) {
      send(res, 404, { error: `Invalid rev id: ${ref}` }, { "X-Error-Code": "RevisionNotFound", "X-Error-Message": `Invalid rev id: ${ref}` });
      return null;
    }
    if (content && repo.gated && !granted) {
      const message = token
        ? `Access to model ${repo.id} is restricted and you are not in the authorized list. Visit ${url}/${repo.id} to ask for access.`
        : `Access to model ${repo.id} is restricted. You must have access to it and be authenticated to access it. Please log in.`;
      send(res, token ? 403 : 401, message, { "X-Error-Code": "GatedRepo", "X-Error-Message": message });
      return null;
    }
    return { repo, revision: repo.revisions.get(sha)! };
  }

  function modelInfo(repo: FixtureRepo, revision: Revision, expand: string[]) {
    const all: Record<string, unknown> = {
      _id: repo.id.replace(/\W/g, "").slice(0, 24), id: repo.id, modelId: repo.id, author: repo.id.split("/")[0],
      sha: revision.sha, private: repo.private, gated: repo.gated, disabled: false, downloads: 1234, likes: 56,
      lastModified: revision.lastModified, createdAt: repo.createdAt, library_name: revision.libraryName,
      pipeline_tag: revision.pipelineTag, tags: revision.tags, cardData: revision.cardData,
      siblings: [...revision.files.keys()].map((rfilename) => ({ rfilename })),
    };
    if (expand.length === 0) return all;
    return Object.fromEntries(Object.entries(all).filter(([key]) => ["_id", "id"].includes(key) || expand.includes(key)));
  }

  function sendTree(res: http.ServerResponse, target: URL, repo: FixtureRepo, revision: Revision, folder: string) {
    const recursive = target.searchParams.get("recursive") === "true";
    const prefix = folder ? `${folder.replace(/\/$/, "")}/` : "";
    const entries: Record<string, unknown>[] = [];
    const directories = new Set<string>();
    for (const file of revision.files.values()) {
      if (!file.path.startsWith(prefix)) continue;
      const rest = file.path.slice(prefix.length);
      if (!recursive && rest.includes("/")) {
        directories.add(prefix + rest.split("/")[0]);
        continue;
      }
      entries.push({
        type: "file", oid: file.gitOid, size: file.file.size, path: file.path,
        ...(file.lfs ? { lfs: { oid: file.lfs.oid, size: file.file.size, pointerSize: 134 } } : {}),
      });
    }
    for (const path of directories) entries.push({ type: "directory", oid: "0".repeat(40), size: 0, path });
    const start = Number(target.searchParams.get("cursor") ?? 0);
    const page = entries.slice(start, start + pageSize);
    const headers: Record<string, string> = {};
    if (start + pageSize < entries.length) {
      const next = new URL(target);
      next.searchParams.set("cursor", String(start + pageSize));
      headers.Link = `<${next.toString()}>; rel="next"`;
    }
    return send(res, 200, page, headers);
  }

  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, repo: FixtureRepo, revision: Revision, path: string) {
    const file = revision.files.get(path);
    if (!file) return send(res, 404, { error: "Entry not found" }, { "X-Error-Code": "EntryNotFound", "X-Error-Message": "Entry not found" });
    const common = { "X-Repo-Commit": revision.sha };
    if (file.lfs) {
      blobs.set(file.lfs.oid, { file: file.file, etag: `"${file.lfs.oid}"` });
      const location = `${cdnUrl}/blobs/${file.lfs.oid}?repo=${encodeURIComponent(repo.id)}&path=${encodeURIComponent(path)}&X-Amz-Signature=standin`;
      res.writeHead(302, { ...common, Location: location, "X-Linked-Size": String(file.file.size), "X-Linked-ETag": `"${file.lfs.oid}"`, "Content-Type": "text/plain" });
      return res.end(req.method === "HEAD" ? undefined : `Found. Redirecting to ${location}`);
    }
    return sendBytes(req, res, file.file, `"${file.gitOid}"`, common);
  }

  function serveBlob(req: http.IncomingMessage, res: http.ServerResponse) {
    const oid = /^\/blobs\/([0-9a-f]{64})/.exec(req.url ?? "")?.[1];
    const blob = oid ? blobs.get(oid) : undefined;
    if (!blob) return send(res, 404, "NoSuchKey");
    return sendBytes(req, res, blob.file, blob.etag, {});
  }

  return {
    url, cdnUrl, log,
    get facts() { return facts; },
    get repos() { return repos; },
    fail: (failure) => failures.push({ ...failure }),
    commit(repoId, change) {
      const repo = repos.get(repoId.toLowerCase());
      if (!repo) throw new Error(`No fixture repo ${repoId}`);
      return commit(repo, change);
    },
    reset() {
      ({ repos, facts } = buildFixtureRepos());
      failures = [];
      log.length = 0;
    },
    bytesServed: () => log.reduce((sum, entry) => sum + entry.bytes, 0),
    close: () => Promise.all([close(hub), close(cdn)]).then(() => undefined),
  };
}

/** Lets only the first `after` body bytes through, then drops the connection or goes silent. */
function cutBody(res: http.ServerResponse, after: number, how: "close" | "stall") {
  const [write, end] = [res.write.bind(res), res.end.bind(res)];
  let sent = 0;
  let stopped = false;
  const pass = (chunk: unknown) => {
    if (stopped || (typeof chunk !== "string" && !(chunk instanceof Uint8Array))) return;
    const bytes = Buffer.from(chunk);
    if (sent < after) write(bytes.subarray(0, after - sent));
    sent += bytes.length;
    if (sent < after) return;
    stopped = true;
    if (after === 0) res.flushHeaders();
    // Closed: what was written is flushed, then the connection ends short of the Content-Length.
    // Stalled: the socket stays open, saying nothing, until the client gives up or close().
    if (how === "close") res.socket?.end();
  };
  // false: a streaming writer waits for a "drain" that never comes, so nothing more is produced.
  res.write = ((chunk: unknown) => (pass(chunk), !stopped)) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    pass(chunk);
    if (!stopped) end();
    return res;
  }) as typeof res.end;
}

/** A whole file, or the one byte range asked for (206), as S3 and the Hub answer. */
function sendBytes(req: http.IncomingMessage, res: http.ServerResponse, file: VirtualFile, etag: string, headers: Record<string, string>) {
  const base = { ...headers, ETag: etag, "Accept-Ranges": "bytes", "Content-Type": "application/octet-stream" };
  const range = parseRange(req.headers.range, file.size);
  if (range === "invalid") {
    res.writeHead(416, { ...base, "Content-Range": `bytes */${file.size}` });
    return res.end();
  }
  const [start, end] = range ?? [0, file.size];
  res.writeHead(range ? 206 : 200, {
    ...base, "Content-Length": String(end - start), ...(range ? { "Content-Range": `bytes ${start}-${end - 1}/${file.size}` } : {}),
  });
  if (req.method === "HEAD") return res.end();
  streamRange(res, file, start, end);
}

const CHUNK = 1024 * 1024;

/** Writes [start, end) in chunks, waiting for the socket to drain, so big files stream in bounded memory. */
function streamRange(res: http.ServerResponse, file: VirtualFile, start: number, end: number) {
  let position = start;
  const pump = () => {
    while (position < end) {
      const next = Math.min(end, position + CHUNK);
      const ok = res.write(file.read(position, next));
      position = next;
      if (!ok) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => (position = end));
  pump();
}

function parseRange(header: string | undefined, size: number): [number, number] | null | "invalid" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size : Math.min(size, Number(match[2]) + 1);
  }
  return start >= size || start >= end ? "invalid" : [start, end];
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json", "Content-Length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
