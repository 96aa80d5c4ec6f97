// State that must exist once per process. Next.js loads a module once per bundle (the
// instrumentation hook, each route group) and the production server loads the hot API routes
// once more outside Next (scripts/server); state kept in a module variable would then exist
// several times. Kept on globalThis under one name, it is shared by all of them.
const store = globalThis as unknown as Record<string, unknown>;

export function processWide<T>(name: string, create: () => T): T {
  const key = `budmodel:${name}`;
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}
