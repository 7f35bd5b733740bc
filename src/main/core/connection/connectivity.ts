// The one connectivity module: online/offline as far as Kartra is concerned, learnt from failed requests and the OS,
// re-checked by one probe loop with one backoff. The write queue, the bulk producer and reads all report to it.
import { LimiterClosedError } from '../kartra/rate-limiter';
import { TransportError } from '../kartra/errors';

export const PROBE_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;

/** Failures that mean "Kartra cannot be reached", as opposed to Kartra refusing something. */
export function isOfflineError(error: unknown): boolean {
  if (error instanceof TransportError) return error.kind === 'refused' || error.kind === 'dns' || error.kind === 'timeout' || error.kind === 'reset' || (error.kind === 'http' && (error.status ?? 0) >= 500);
  return false;
}

/** Failures after which the change was certainly not sent and can simply wait. */
export function isNotSent(error: unknown): boolean {
  return (error instanceof TransportError && !error.sent) || error instanceof LimiterClosedError;
}

export interface ConnectivityOptions {
  /** A cheap call to Kartra; resolves when Kartra answered at all. */
  probe: () => Promise<void>;
  onChange: () => void;
  backoffMs?: readonly number[];
}

export class Connectivity {
  private online = true;
  private osOnline = true;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private probing = false;
  private nextProbe: number | null = null;
  private closed = false;
  private readonly onlineWaiters = new Set<() => void>();

  constructor(private readonly options: ConnectivityOptions) {}

  /** Resolves when Kartra answers again (at once when online); `cancel` resolves it early (a job was paused). */
  whenOnline(): { promise: Promise<void>; cancel: () => void } {
    let cancel = () => undefined as void;
    const promise = this.isOnline()
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const done = () => {
            this.onlineWaiters.delete(done);
            resolve();
          };
          cancel = done;
          this.onlineWaiters.add(done);
        });
    return { promise, cancel };
  }

  isOnline(): boolean {
    return this.online && this.osOnline;
  }

  nextProbeAt(): number | null {
    return this.isOnline() ? null : this.nextProbe;
  }

  reportSuccess(): void {
    this.failures = 0;
    this.set(true);
  }

  /** Called with every failed request; only network failures take the app offline. */
  reportFailure(error: unknown): void {
    if (!isOfflineError(error)) return;
    this.set(false);
    this.scheduleProbe();
  }

  /** The OS says the network came or went (Electron net / navigator.onLine). */
  setOsOnline(online: boolean): void {
    if (online === this.osOnline) return;
    this.osOnline = online;
    if (online) {
      this.failures = 0;
      this.probeSoon(0);
    }
    this.options.onChange();
    if (this.isOnline()) [...this.onlineWaiters].forEach((wake) => wake());
  }

  /** Forget the backoff and probe now (e.g. the user pressed "retry" or switched accounts). */
  probeSoon(delay = 0): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.nextProbe = Date.now() + delay;
    this.timer = setTimeout(() => void this.runProbe(), delay);
    this.timer.unref?.();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    [...this.onlineWaiters].forEach((wake) => wake());
  }

  private set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) {
      clearTimeout(this.timer);
      this.nextProbe = null;
    }
    this.options.onChange();
    if (this.isOnline()) [...this.onlineWaiters].forEach((wake) => wake());
  }

  private scheduleProbe(): void {
    if (this.probing || this.closed) return;
    const steps = this.options.backoffMs ?? PROBE_BACKOFF_MS;
    const delay = steps[Math.min(this.failures, steps.length - 1)]!;
    this.probeSoon(delay);
    this.options.onChange();
  }

  private async runProbe(): Promise<void> {
    if (this.probing || this.closed) return;
    this.probing = true;
    try {
      await this.options.probe();
      this.probing = false;
      this.reportSuccess();
    } catch (error) {
      this.probing = false;
      this.failures++;
      if (isOfflineError(error) || isNotSent(error)) {
        this.set(false);
        this.scheduleProbe();
      } else {
        // Kartra answered (even with an error): the network is back.
        this.reportSuccess();
      }
    }
  }
}
