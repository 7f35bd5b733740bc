// The rate a server sustained, from its arrival times: what a bench reads at the sandbox, not at the client.

/**
 * Arrivals after the first full window (the first `perWindow`), divided by the time from the end of that window
 * (the perWindow-th arrival) to the last one, in calls/s. `calls / seconds` from time zero overstates the rate
 * (the first window's calls all start at once), and so does timing from the first later arrival when calls come in
 * bursts; counting from the window's last arrival is exact for bursts and for evenly paced calls alike.
 */
export function sustainedRate(times: readonly number[], perWindow = 20): number {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length <= perWindow) return 0;
  const span = sorted.at(-1)! - sorted[perWindow - 1]!;
  return span <= 0 ? 0 : ((sorted.length - perWindow) / span) * 1000;
}

/** Kartra's zero-429 ceiling at upstream delay u ± j: two sends a second apart may arrive 2·j·u closer. */
export function zero429Ceiling(limit: number, upstreamMs: number, jitter: number, windowMs = 1000): number {
  return limit / (1 + (2 * jitter * upstreamMs) / windowMs);
}
