// A small cache for leaderboard answers. The leaderboard only changes when it is refreshed
// (every few hours, or by an admin), so an answer can be reused: a refresh in this process
// clears the cache at once; one in another process shows here once an answer is `freshMs` old.
// An older answer is still served (up to `staleMs`) while its replacement is read, so a request
// never waits on the database for an answer the cache has had.

export interface Lookup<V> {
  value: V;
  fresh: boolean;
}

export class AnswerCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly freshMs: number,
    private readonly staleMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  lookup(key: string): Lookup<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = this.now() - entry.at;
    if (age >= this.staleMs) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: entry.value, fresh: age < this.freshMs };
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    // Maps keep insertion order: the first key is the oldest.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
