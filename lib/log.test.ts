// The logger: JSON lines, info on stdout and warnings on stderr, gathered into one write, and
// LOG_LEVEL deciding what is written at all.
import { afterEach, describe, expect, it, vi } from "vitest";

const original = process.env.LOG_LEVEL;
afterEach(() => {
  vi.restoreAllMocks();
  if (original === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = original;
});

async function loggerAt(level: string) {
  vi.resetModules();
  process.env.LOG_LEVEL = level;
  return import("./log");
}

function capture() {
  const writes = { out: [] as string[], err: [] as string[] };
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (writes.out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (writes.err.push(String(chunk)), true));
  return writes;
}

describe("log", () => {
  it("writes the lines of one turn of the event loop in one write, info to stdout, warnings to stderr", async () => {
    const { log } = await loggerAt("info");
    const writes = capture();
    log.info("first", { n: 1 });
    log.info("second", { n: 2 });
    log.warn("careful");
    expect(writes.out).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.out).toHaveLength(1);
    expect(writes.out[0].trim().split("\n").map((line) => JSON.parse(line))).toEqual([
      { ts: expect.any(String), level: "info", msg: "first", n: 1 },
      { ts: expect.any(String), level: "info", msg: "second", n: 2 },
    ]);
    expect(JSON.parse(writes.err[0])).toMatchObject({ level: "warn", msg: "careful" });
  });

  it("LOG_LEVEL=warn leaves out info lines; errors are written at once", async () => {
    const { log, logEnabled } = await loggerAt("warn");
    const writes = capture();
    expect(logEnabled("info")).toBe(false);
    log.info("per request");
    log.error("broken");
    expect(writes.err.map((chunk) => JSON.parse(chunk).msg)).toEqual(["broken"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.out).toEqual([]);
  });
});
