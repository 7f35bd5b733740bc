// The sandbox's imitation of a network between client and Kartra: an upstream delay before a request reaches the
// rate window, a downstream delay before its answer reaches the client, each varied by a seeded ± jitter.
import { createRng, type Rng } from './rng';
import type { SandboxFaults } from './types';

export interface NetworkShape {
  /** Client → Kartra, ms: the request is counted by the rate window only after it. */
  upstreamMs: number;
  /** Kartra → client, ms: added to every answer (200, 429, 503). */
  downstreamMs: number;
  /** Each delay is drawn uniformly from d·(1 ± jitter); 0..1. */
  jitter: number;
}

/**
 * Reads the network out of the faults. Explicit upstreamMs/downstreamMs win; otherwise latencyMs is the round
 * trip, split evenly (a single `--latency 250` means 125 ms each way, like `--latency 125:125`).
 */
export function networkShape(faults: SandboxFaults): NetworkShape {
  const half = Math.max(0, faults.latencyMs ?? 0) / 2;
  return {
    upstreamMs: Math.max(0, faults.upstreamMs ?? half),
    downstreamMs: Math.max(0, faults.downstreamMs ?? half),
    jitter: Math.min(1, Math.max(0, faults.jitter ?? 0)),
  };
}

/** Draws the delays; its own seeded stream, so adding latency does not change which requests get which fault. */
export class Network {
  private shape: NetworkShape;
  private readonly rng: Rng;

  constructor(seed: number, faults: SandboxFaults = {}) {
    this.rng = createRng(seed ^ 0x5eed_1a7e);
    this.shape = networkShape(faults);
  }

  set(faults: SandboxFaults): void {
    this.shape = networkShape(faults);
  }

  get current(): NetworkShape {
    return { ...this.shape };
  }

  upstream(): number {
    return this.draw(this.shape.upstreamMs);
  }

  downstream(): number {
    return this.draw(this.shape.downstreamMs);
  }

  private draw(ms: number): number {
    if (ms <= 0) return 0;
    return ms * (1 + this.shape.jitter * (2 * this.rng.next() - 1));
  }
}
