// Starts the stand-in OpenAI-compatible server (streaming-server.mjs) in a process of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

export interface StreamingServer {
  /** Its chat completions URL. */
  endpoint: string;
  stop(): void;
}

export async function startStreamingServer(settings: { ttftMs: number; itlMs: number; apiKey?: string }): Promise<StreamingServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(import.meta.dirname, "streaming-server.mjs")], {
    env: { ...process.env, TTFT_MS: String(settings.ttftMs), ITL_MS: String(settings.itlMs), ...(settings.apiKey ? { API_KEY: settings.apiKey } : {}) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  return {
    endpoint: `http://127.0.0.1:${/port (\d+)/.exec(String(line))![1]}/v1/chat/completions`,
    stop: () => void child.kill("SIGTERM"),
  };
}
