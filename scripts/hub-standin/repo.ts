// A fixture repository as the stand-in holds it: revisions (each a set of files and card data),
// refs pointing at them, and whether it is gated or private. Commits make new revisions, so
// tests can see a sync pick up a change.
import { createHash } from "node:crypto";
import { bufferFile, gitOid, lfsOid, type VirtualFile } from "./virtual-file";

export type CardData = Record<string, string | string[] | boolean | number | undefined>;

export interface RepoFile {
  path: string;
  file: VirtualFile;
  /** Stored in LFS: resolved through a redirect to the download host, listed with a sha256. */
  lfs: { oid: string } | null;
  gitOid: string;
}

export interface Revision {
  sha: string;
  files: Map<string, RepoFile>;
  cardData: CardData;
  tags: string[];
  pipelineTag: string | null;
  libraryName: string | null;
  lastModified: string;
  /** What the revision was made from, so a commit can change part of it. */
  content: RepoContent;
}

export interface FixtureRepo {
  id: string;
  gated: false | "auto" | "manual";
  private: boolean;
  createdAt: string;
  refs: Map<string, string>;
  revisions: Map<string, Revision>;
}

export interface RepoContent {
  cardData: CardData;
  /** The README's markdown after the front matter. */
  body: string;
  /** Hub tags besides those the card implies (library, license, base model ...). */
  tags: string[];
  files: Record<string, VirtualFile | string>;
}

const LFS_PATTERN = /\.(safetensors|gguf|bin|pt|pth|ckpt|h5|onnx|msgpack)$/;

function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  return /^[\w./:@+-][\w ./:@+,()-]*$/.test(value) && !/:\s/.test(value) ? value : JSON.stringify(value);
}

/** The README as the Hub stores it: YAML front matter, then the card's markdown. */
export function renderReadme(cardData: CardData, body: string): string {
  const lines = ["---"];
  for (const [key, value] of Object.entries(cardData)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) lines.push(`${key}:`, ...value.map((item) => `- ${yamlScalar(item)}`));
    else lines.push(`${key}: ${yamlScalar(value)}`);
  }
  lines.push("---", "");
  return `${lines.join("\n")}${body}`;
}

function toRepoFile(repoId: string, path: string, content: VirtualFile | string): RepoFile {
  const file = typeof content === "string" ? bufferFile(content) : content;
  if (!LFS_PATTERN.test(path)) return { path, file, lfs: null, gitOid: gitOid(file) };
  const oid = lfsOid(file, `${repoId}/${path}`);
  const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${file.size}\n`;
  return { path, file, lfs: { oid }, gitOid: gitOid(bufferFile(pointer)) };
}

export function makeRevision(repoId: string, content: RepoContent, parent = "", when = new Date("2024-09-25T12:00:00Z")): Revision {
  const files = new Map<string, RepoFile>();
  const all: Record<string, VirtualFile | string> = { ".gitattributes": "*.safetensors filter=lfs diff=lfs merge=lfs -text\n*.gguf filter=lfs diff=lfs merge=lfs -text\n", ...content.files, "README.md": renderReadme(content.cardData, content.body) };
  for (const [path, file] of Object.entries(all)) files.set(path, toRepoFile(repoId, path, file));
  const digest = createHash("sha1").update(parent).update(repoId);
  for (const file of files.values()) digest.update(file.path).update(file.lfs?.oid ?? file.gitOid);
  const card = content.cardData;
  const cardTags = Array.isArray(card.tags) ? card.tags : [];
  const license = typeof card.license === "string" ? [`license:${card.license}`] : [];
  return {
    sha: digest.digest("hex"),
    files,
    cardData: card,
    tags: [...new Set([...(typeof card.library_name === "string" ? [card.library_name] : []), ...content.tags, ...cardTags, ...license, "region:us"])],
    pipelineTag: typeof card.pipeline_tag === "string" ? card.pipeline_tag : null,
    libraryName: typeof card.library_name === "string" ? card.library_name : null,
    lastModified: when.toISOString(),
    content,
  };
}

export function makeRepo(id: string, content: RepoContent, options: { gated?: FixtureRepo["gated"]; private?: boolean } = {}): FixtureRepo {
  const revision = makeRevision(id, content);
  return {
    id,
    gated: options.gated ?? false,
    private: options.private ?? false,
    createdAt: "2024-09-18T15:00:00.000Z",
    refs: new Map([["main", revision.sha]]),
    revisions: new Map([[revision.sha, revision]]),
  };
}

export interface CommitChange {
  cardData?: CardData;
  body?: string;
  files?: Record<string, VirtualFile | string>;
  deleteFiles?: string[];
}

/** A new revision on main: the previous content with `change` applied. */
export function commit(repo: FixtureRepo, change: CommitChange): Revision {
  const head = repo.revisions.get(repo.refs.get("main")!)!;
  const previous = head.content;
  const files = { ...previous.files, ...change.files };
  for (const path of change.deleteFiles ?? []) delete files[path];
  const revision = makeRevision(
    repo.id,
    { ...previous, cardData: { ...previous.cardData, ...change.cardData }, body: change.body ?? previous.body, files },
    head.sha,
    new Date(Date.parse(head.lastModified) + 86_400_000),
  );
  repo.revisions.set(revision.sha, revision);
  repo.refs.set("main", revision.sha);
  return revision;
}
