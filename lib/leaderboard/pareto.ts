// The Pareto front of a latency/throughput scatter: the points no other point beats on both
// (at least as much throughput and at most as much latency, and strictly better on one).

export interface TradeoffPoint {
  /** Throughput per GPU: higher is better. */
  throughput: number;
  /** Latency: lower is better. */
  latency: number;
}

/** The non-dominated points, ordered by latency (and so by throughput) ascending. */
export function paretoFront<P extends TradeoffPoint>(points: P[]): P[] {
  const sorted = [...points].sort((a, b) => a.latency - b.latency || b.throughput - a.throughput);
  const front: P[] = [];
  let bestThroughput = Number.NEGATIVE_INFINITY;
  for (const point of sorted) {
    // Sorted by latency, a point is on the front only if it beats every faster point's throughput.
    if (point.throughput > bestThroughput) {
      front.push(point);
      bestThroughput = point.throughput;
    }
  }
  return front;
}
