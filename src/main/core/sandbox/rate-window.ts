// Kartra's "20 calls per second per App" (kartra-api.md §6) as a strict sliding window: at most `limit` accepted
// requests whose arrival lies in the last `windowMs`. Rejected requests are not recorded.
export class SlidingWindow {
  private readonly arrivals = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
  ) {}

  /** Records and accepts the arrival at `now` (monotonic ms) if the window has room; 0 = unlimited. */
  tryAccept(key: string, now: number): boolean {
    if (this.limit <= 0) return true;
    let list = this.arrivals.get(key);
    if (!list) {
      list = [];
      this.arrivals.set(key, list);
    }
    while (list.length > 0 && list[0]! <= now - this.windowMs) list.shift();
    if (list.length >= this.limit) return false;
    list.push(now);
    return true;
  }

  /** Takes back an accepted arrival that ended up rejected after all (an injected 429). */
  release(key: string, at: number): void {
    const list = this.arrivals.get(key);
    const i = list ? list.lastIndexOf(at) : -1;
    if (list && i !== -1) list.splice(i, 1);
  }
}
