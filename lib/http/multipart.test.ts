import { describe, expect, it } from "vitest";
import { chunksOf } from "@/lib/scans/scanners/bytes";
import { boundaryOf, readMultipart } from "./multipart";

async function parse(body: Buffer, boundary: string, chunk: number) {
  const parts: { name: string; filename: string | null; data: string }[] = [];
  for await (const part of readMultipart(chunksOf(body, chunk), boundary)) {
    const pieces: Buffer[] = [];
    for await (const piece of part.body) pieces.push(piece);
    parts.push({ name: part.name, filename: part.filename, data: Buffer.concat(pieces).toString("latin1") });
  }
  return parts;
}

describe("multipart reader", () => {
  it("reads what a browser's FormData sends, whatever the chunking", async () => {
    const form = new FormData();
    form.append("note", "hello");
    const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
    form.append("file", new Blob([binary]), "weights.bin");
    form.append("file", new Blob(["--not-a-boundary\r\n--"]), "tricky.txt");
    const request = new Request("http://x", { method: "POST", body: form });
    const boundary = boundaryOf(request.headers.get("content-type"));
    const body = Buffer.from(await request.arrayBuffer());
    for (const chunk of [1, 7, 64, 100_000]) {
      const parts = await parse(body, boundary, chunk);
      expect(parts.map((p) => [p.name, p.filename])).toEqual([["note", null], ["file", "weights.bin"], ["file", "tricky.txt"]]);
      expect(parts[0].data).toBe("hello");
      expect(Buffer.from(parts[1].data, "latin1").equals(binary)).toBe(true);
      expect(parts[2].data).toBe("--not-a-boundary\r\n--");
    }
  });

  it("refuses a filename* that is not valid percent-encoding with a 400, not a crash", async () => {
    const body = Buffer.from("--b\r\ncontent-disposition: form-data; name=\"file\"; filename*=UTF-8''%E0%A4%A\r\n\r\nx\r\n--b--\r\n");
    await expect(parse(body, "b", 64)).rejects.toMatchObject({ status: 400, code: "bad_request" });
  });

  it("refuses what is not multipart, and a body cut inside a part", async () => {
    expect(() => boundaryOf("application/json")).toThrow(/multipart/);
    const cut = Buffer.from("--b\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc");
    await expect(parse(cut, "b", 4)).rejects.toThrow(/ends inside a part/);
  });
});
