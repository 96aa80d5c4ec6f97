"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError } from "@/lib/client/api";

// A 4xx answer will not change by asking again; network errors and 5xx get three tries.
const retry = (failures: number, error: Error) => !(error instanceof ApiError && error.status < 500) && failures < 3;

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session, made inside the component so requests never share one.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
