// A Server-Sent Events reader for streamed chat completions: bytes in, `data:` payloads out.
// Events end at a blank line; a payload split across network chunks is held until it completes.

export class SseDecoder {
  private buffer = "";
  private readonly decoder = new TextDecoder();

  /** The complete events' data fields in this chunk (joined with "\n" when an event has several). */
  push(chunk: Uint8Array): string[] {
    this.buffer += this.decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, "\n");
    const events: string[] = [];
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, ""));
      if (data.length) events.push(data.join("\n"));
    }
    return events;
  }
}

export interface ChunkContent {
  /** Text (or reasoning text) that this chunk streamed: a token, as far as timing is concerned. */
  text: string | null;
  /** Token counts the server reported, on the final chunk when stream_options.include_usage is set. */
  usage: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/** Reads one chat.completion.chunk payload; throws on a payload that is not JSON. */
export function readChunk(payload: string): ChunkContent {
  const chunk = JSON.parse(payload) as {
    choices?: { delta?: { content?: string | null; reasoning_content?: string | null } }[];
    usage?: ChunkContent["usage"];
    error?: { message?: string };
  };
  if (chunk.error) throw new Error(chunk.error.message ?? "The server streamed an error");
  const delta = chunk.choices?.[0]?.delta;
  const text = delta?.content || delta?.reasoning_content || null;
  return { text, usage: chunk.usage ?? null };
}
