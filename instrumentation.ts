// Runs once when the server starts: open and migrate the database, seed the demo catalog into an
// empty embedded one, and close the database cleanly on shutdown.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server-start");
  await startServer();
}
