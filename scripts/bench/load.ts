// Load generation (autocannon) and the pre-flight check that both servers answer the same data.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

/** Loads `baseUrl` with GETs of `paths` in rotation (shared by all connections). */
export async function load(
  baseUrl: string,
  paths: string[],
  options: { connections: number; duration: number },
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.duration,
    timeout: 10,
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    mean: result.latency.mean,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
  };
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

/** The first place two JSON values differ, as a path, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = "$"): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (found) return found;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

/**
 * Both servers must answer `path` with 200 and the same body: same ids in the same order, same
 * total, and (beyond that) the same fields. Throws with the first difference otherwise.
 */
export async function assertSameResponse(baselineUrl: string, apiUrl: string, path: string): Promise<unknown> {
  const [baseline, api] = await Promise.all([getJson(baselineUrl + path), getJson(apiUrl + path)]);
  if (baseline.status !== 200 || api.status !== 200) {
    throw new Error(`GET ${path}: baseline answered ${baseline.status}, API ${api.status}: ${JSON.stringify(api.body).slice(0, 300)}`);
  }
  const ids = (body: unknown) => {
    const b = body as { data?: { id: string }[]; id?: string; total?: number };
    return JSON.stringify(b.data ? { ids: b.data.map((m) => m.id), total: b.total } : { id: b.id });
  };
  if (ids(baseline.body) !== ids(api.body)) {
    throw new Error(`GET ${path}: different results.\n  baseline: ${ids(baseline.body).slice(0, 400)}\n  api:      ${ids(api.body).slice(0, 400)}`);
  }
  const difference = firstDifference(baseline.body, api.body);
  if (difference) throw new Error(`GET ${path}: same ids but different content at ${difference}`);
  return api.body;
}

// ---- CPU accounting (Linux /proc): where the machine's cores go during a measurement ----------

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** user + system CPU seconds of a process, or 0 when it cannot be read. */
function processCpu(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
  } catch {
    return 0;
  }
}

/** Busy and total jiffies of the whole machine (/proc/stat), summed over its cores. */
function machineTicks(): { busy: number; total: number } {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - cpu[3] - cpu[4], total }; // minus idle and iowait
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface CpuUse {
  /** CPU ms per request. */
  serverMs: number;
  postgresMs: number;
  loadGeneratorMs: number;
  /** Cores kept busy over the measurement by the three above. */
  coresBusy: number;
  /** Cores kept busy by everything else on the machine (other work competing with the benchmark). */
  otherCores: number;
}

/**
 * Starts measuring CPU use: of the server process, of the PostgreSQL backends serving it
 * (`postgresPids`, from pg_stat_activity) and of this process (the load generator).
 */
export function startCpuMeter(serverPid: number, postgresPids: number[]): (requests: number) => CpuUse {
  const started = process.hrtime.bigint();
  const server = processCpu(serverPid);
  // Per backend: one that exits meanwhile (an idle pool connection timing out) counts as 0, not as minus its past.
  const postgresStart = new Map(postgresPids.map((pid) => [pid, processCpu(pid)]));
  const postgresCpu = () =>
    postgresPids.reduce((sum, pid) => {
      const now = processCpu(pid);
      return now ? sum + now - postgresStart.get(pid)! : sum;
    }, 0);
  const self = process.cpuUsage();
  const machine = machineTicks();
  return (requests) => {
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const serverS = processCpu(serverPid) - server;
    const postgresS = postgresCpu();
    const selfUse = process.cpuUsage(self);
    const selfS = (selfUse.user + selfUse.system) / 1e6;
    const per = (seconds: number) => (requests ? (seconds * 1000) / requests : 0);
    const now = machineTicks();
    const machineCores = now.total > machine.total
      ? ((now.busy - machine.busy) / (now.total - machine.total)) * os.cpus().length
      : 0;
    const coresBusy = (serverS + postgresS + selfS) / wall;
    return {
      serverMs: per(serverS),
      postgresMs: per(postgresS),
      loadGeneratorMs: per(selfS),
      coresBusy,
      otherCores: Math.max(0, machineCores - coresBusy),
    };
  };
}
