// Fault: the disk for artifacts is full. The artifact folder is a small tmpfs of the test's own
// (we run as root, in CI too); an upload that does not fit is a 507 in the error shape, leaves no
// partial file behind and records nothing (no artifact row, no audit event). An upload over
// BUDMODEL_MAX_UPLOAD_BYTES is a 413 that likewise keeps and records nothing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const MiB = 1024 * 1024;
const storage = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/budmodel-full-disk-${process.pid}-${Date.now()}`;
  process.env.BUDMODEL_ARTIFACT_DIR = `${dir}/artifacts`;
  process.env.BUDMODEL_MAX_UPLOAD_BYTES = String(2 * 1024 * 1024);
  return { dir, artifacts: `${dir}/artifacts` };
});

import * as artifactsRoute from "@/app/api/v1/models/[id]/artifacts/route";
import { closeDatabase, db } from "@/lib/db";
import { createModel } from "@/lib/models/service";
import { BOOTSTRAP_TOKEN } from "./support/actors";

/** Mounts an 8 MiB tmpfs as the artifact folder; null when this process may not mount. */
function mountTmpfs(): string | null {
  mkdirSync(storage.artifacts, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs", storage.artifacts], { stdio: "pipe" });
    return null;
  } catch (error) {
    rmSync(storage.dir, { recursive: true, force: true });
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
}

function unmount() {
  try {
    execFileSync("umount", [storage.artifacts], { stdio: "pipe" });
  } catch {
    // Not mounted (any more).
  }
  rmSync(storage.dir, { recursive: true, force: true });
}


const system = { actor: { type: "system" as const, label: "test" } };
const filler = path.join(storage.artifacts, "filler");

/** Fills the disk so that only about `freeBytes` stay free. */
function leaveFree(freeBytes: number) {
  rmSync(filler, { force: true });
  const { bavail, bsize } = statfsSync(storage.artifacts);
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - freeBytes)));
}

const freeBytes = () => {
  const { bavail, bsize } = statfsSync(storage.artifacts);
  return bavail * bsize;
};

async function upload(modelId: string, files: [name: string, data: Buffer][]) {
  const form = new FormData();
  for (const [name, data] of files) form.append("file", new Blob([new Uint8Array(data)]), name);
  const request = new Request(`http://localhost/api/v1/models/${modelId}/artifacts`, { method: "POST", body: form, headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` } });
  const response = await artifactsRoute.POST(request, { params: Promise.resolve({ id: modelId }) });
  return { status: response.status, body: await response.json() };
}

/** What the upload left: files in the model's folder, artifact rows, and upload audit events. */
async function traces(modelId: string) {
  const folder = path.join(storage.artifacts, modelId);
  const prisma = await db();
  return {
    files: existsSync(folder) ? readdirSync(folder) : [],
    artifacts: await prisma.artifact.count({ where: { modelId } }),
    audits: await prisma.auditEvent.count({ where: { resourceId: modelId, action: "artifact.uploaded" } }),
  };
}

const nothing = { files: [], artifacts: 0, audits: 0 };

describe("the disk for artifacts full", () => {
  let mountError: string | null = null;
  beforeAll(() => {
    mountError = mountTmpfs();
    if (mountError) console.warn(`[faults-disk-full] skipped: could not mount a tmpfs (that needs root, or CAP_SYS_ADMIN): ${mountError}`);
  });
  beforeEach((context) => {
    if (mountError) context.skip();
  });
  afterAll(async () => {
    unmount();
    await closeDatabase();
  });

  const newModel = (label: string) =>
    createModel({ name: `faults/disk-${label}-${Math.random().toString(36).slice(2, 8)}`, description: "", provider: "custom", license_restrictions: {}, requirements: {}, tags: [], source: { type: "custom" } }, system);

  it("a file larger than the free space: 507 with a clear message, no partial file, nothing recorded", async () => {
    const model = await newModel("one");
    leaveFree(1 * MiB);
    const before = freeBytes();
    const res = await upload(model.id, [["model.safetensors", Buffer.alloc(1.5 * MiB, 7)]]);
    expect(res.status).toBe(507);
    expect(res.body).toEqual({ error: { code: "insufficient_storage", message: expect.stringMatching(/artifact store is full.*not saved/), details: {} } });
    expect(await traces(model.id)).toEqual(nothing);
    // The space the partial file took is given back.
    expect(freeBytes()).toBe(before);
  });

  it("several files where a later one does not fit: 507, and the earlier ones are not kept either", async () => {
    const model = await newModel("several");
    leaveFree(1 * MiB);
    const before = freeBytes();
    const res = await upload(model.id, [["config.json", Buffer.from('{"a":1}')], ["small.bin", Buffer.alloc(256 * 1024, 1)], ["big.bin", Buffer.alloc(1.5 * MiB, 2)]]);
    expect(res.status).toBe(507);
    expect(res.body.error.code).toBe("insufficient_storage");
    expect(await traces(model.id)).toEqual(nothing);
    expect(freeBytes()).toBe(before);
  });

  it("once space is freed, the same upload is stored", async () => {
    const model = await newModel("after");
    leaveFree(1 * MiB);
    expect((await upload(model.id, [["model.safetensors", Buffer.alloc(1.5 * MiB, 7)]])).status).toBe(507);
    rmSync(filler);
    const res = await upload(model.id, [["model.safetensors", Buffer.alloc(1.5 * MiB, 7)]]);
    expect(res.status).toBe(201);
    expect(await traces(model.id)).toMatchObject({ files: [expect.stringMatching(/^[0-9a-f-]{36}$/)], artifacts: 1, audits: 1 });
  });

  it("a file over BUDMODEL_MAX_UPLOAD_BYTES: 413 with the limit, nothing on disk, nothing recorded", async () => {
    rmSync(filler, { force: true });
    const model = await newModel("limit");
    const before = freeBytes();
    expect(before).toBeGreaterThan(3 * MiB);
    for (const files of [[["big.bin", Buffer.alloc(3 * MiB, 1)]], [["ok.bin", Buffer.alloc(64 * 1024, 1)], ["big.bin", Buffer.alloc(3 * MiB, 1)]]] as [string, Buffer][][]) {
      const res = await upload(model.id, files);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ error: { code: "payload_too_large", message: expect.stringContaining(`${2 * MiB} bytes`), details: { limit_bytes: 2 * MiB } } });
      expect(await traces(model.id)).toEqual(nothing);
      expect(freeBytes()).toBe(before);
    }
  });
});
