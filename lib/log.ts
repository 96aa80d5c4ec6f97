// The one logger: a JSON object per line ({ts, level, msg, ...fields}), info and debug on stdout,
// warn and error on stderr, below LOG_LEVEL dropped before anything is built. Lines are gathered
// and written once per turn of the event loop (one write call, however many requests finished),
// since writes to a pipe or a file block the process on Linux; errors are written at once.
// Never pass secrets in fields: tokens, passwords, cookies and Authorization headers stay out.
import { env } from "@/lib/env";

export type LogLevel = "debug" | "info" | "warn" | "error";

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = rank[env.LOG_LEVEL];

const pending = { out: [] as string[], err: [] as string[] };
let scheduled = false;
let hookedExit = false;

/** Whether a line at `level` would be written: check it before gathering costly fields. */
export function logEnabled(level: LogLevel): boolean {
  return rank[level] >= threshold;
}

export function writeLog(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
  if (rank[level] < threshold) return;
  const line = JSON.stringify({ ts: new Date().toISOString(), level, msg, ...fields });
  (rank[level] >= rank.warn ? pending.err : pending.out).push(line);
  if (level === "error") return flushLogs();
  if (scheduled) return;
  scheduled = true;
  setImmediate(flushLogs);
  if (!hookedExit) {
    hookedExit = true;
    process.once("exit", flushLogs);
  }
}

/** Writes whatever is gathered now (the logger does this itself; tests call it to read the lines). */
export function flushLogs(): void {
  scheduled = false;
  if (pending.out.length) process.stdout.write(`${pending.out.splice(0).join("\n")}\n`);
  if (pending.err.length) process.stderr.write(`${pending.err.splice(0).join("\n")}\n`);
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => writeLog("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => writeLog("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => writeLog("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => writeLog("error", msg, fields),
};
