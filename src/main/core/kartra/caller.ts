// The seam between command functions and the client: one scheduled, encoded, decoded Kartra call.
import type { Lane } from '../../../shared/domain/limiter';
import type { DecodedResponse } from './decode';
import type { PhpObject } from './php-encode';

/** 'read' calls may be retried after an uncertain failure; 'write' calls only when nothing was sent. */
export type CallMode = 'read' | 'write';

export interface KartraCaller {
  /** Send `body` (credentials are added by the caller) and decode the answer. */
  call(body: PhpObject, options: { lane: Lane; mode: CallMode }): Promise<DecodedResponse>;
}

/** Per-call options every command accepts. */
export interface CallOptions {
  /** Rate-limiter lane; default 'interactive'. */
  lane?: Lane;
}

export function laneOf(options: CallOptions | undefined): Lane {
  return options?.lane ?? 'interactive';
}
