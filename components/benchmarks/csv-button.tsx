"use client";
// Downloads the current view's benchmarks as CSV (every matching row, not just this page).
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { downloadBenchmarksCsv } from "@/lib/client/benchmarks";

export function CsvButton({ query }: { query: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  return (
    <div className="flex items-center gap-3">
      {state.error ? <span role="alert" className="text-sm text-red-600 dark:text-red-400">{state.error}</span> : null}
      <Button variant="secondary" disabled={state.busy} onClick={async () => {
        setState({ busy: true, error: null });
        try {
          await downloadBenchmarksCsv(query);
          setState({ busy: false, error: null });
        } catch (error) {
          setState({ busy: false, error: (error as Error).message });
        }
      }}>
        {state.busy ? "Exporting…" : "Download CSV"}
      </Button>
    </div>
  );
}
