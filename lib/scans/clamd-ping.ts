// Asks clamd whether it is there (zPING -> PONG), with a short timeout. Used by the health check.
import net from "node:net";

export function pingClamd(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let reply = "";
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on("connect", () => socket.write("zPING\0"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      if (reply.includes("\0")) finish(reply.startsWith("PONG"));
    });
    socket.on("error", () => finish(false));
    socket.on("end", () => finish(reply.startsWith("PONG")));
  });
}
