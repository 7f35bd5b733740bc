// Seeded fault injection (network delays: network.ts): which failure (if any) a request gets, so tests can reproduce flaky networks exactly.
import { createRng, type Rng } from './rng';
import type { SandboxFaults } from './types';

export type Fault = 'none' | 'extra429' | 'http503' | 'resetBefore' | 'resetAfter' | 'timeout';

const share = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

export class FaultInjector {
  private faults: SandboxFaults;
  private readonly rng: Rng;

  constructor(seed: number, faults: SandboxFaults = {}) {
    this.rng = createRng(seed);
    this.faults = { ...faults };
  }

  set(faults: SandboxFaults): void {
    this.faults = { ...faults };
  }

  get holdMs(): number {
    return Math.max(0, this.faults.timeoutHoldMs ?? 30_000);
  }

  /**
   * One roll per accepted request, against the shares stacked in the order 429, 5xx, reset, timeout (their sum
   * is capped at 1); half of the resets happen after the command was applied (an uncertain write).
   */
  decide(): Fault {
    const f = this.faults;
    const bands: [Fault, number][] = [
      ['extra429', share(f.rate429)],
      ['http503', share(f.rate5xx)],
      ['resetBefore', share(f.reset)],
      ['timeout', share(f.timeout)],
    ];
    if (bands.every(([, p]) => p === 0)) return 'none';
    const r = this.rng.next();
    let edge = 0;
    for (const [fault, p] of bands) {
      edge += p;
      if (r < edge) return fault === 'resetBefore' && this.rng.next() < 0.5 ? 'resetAfter' : fault;
    }
    return 'none';
  }
}

const FAULT_KEYS = ['rate429', 'rate5xx', 'reset', 'timeout', 'latencyMs', 'upstreamMs', 'downstreamMs', 'jitter', 'timeoutHoldMs'] as const;
/** Keys measured in milliseconds; every other key is a share between 0 and 1. */
const MS_KEYS: readonly string[] = ['latencyMs', 'upstreamMs', 'downstreamMs', 'timeoutHoldMs'];

/** Checks a faults object (it may come from JSON): known keys, finite numbers >= 0, shares <= 1. */
export function checkFaults(input: unknown): SandboxFaults {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError('faults must be an object');
  const out: SandboxFaults = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(FAULT_KEYS as readonly string[]).includes(key)) throw new TypeError(`unknown fault "${key}" (known: ${FAULT_KEYS.join(', ')})`);
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError(`fault ${key} must be a number >= 0`);
    const isShare = !MS_KEYS.includes(key);
    if (isShare && value > 1) throw new TypeError(`fault ${key} is a share between 0 and 1`);
    out[key as (typeof FAULT_KEYS)[number]] = value;
  }
  return out;
}
