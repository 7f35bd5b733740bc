// Contract: every documented Kartra error code reached through the real client against the real sandbox.
import { defineContractSuite } from './define-contract-suite';
import type { NotProduced } from './error-suite';
import { useSandboxTarget } from './sandbox-target';

/**
 * What the sandbox cannot produce as a KartraApiError, with the reason. Everything else of
 * kartra-api.md §4, §5 and §10–§12 is produced — including 266 "Refund has failed" and 267
 * "Cancellation has failed": the sandbox seeds a recent sale and an active subscription whose payment
 * gateway refuses, so those two are reached like any other code.
 */
const NOT_PRODUCED_BY_SANDBOX: NotProduced = {
  '429':
    'The rate limit is an HTTP 429 (its body type "429" is invented, kartra-api.md §6). The RateLimiter pauses and retries it, so it ' +
    'never reaches a caller as a KartraApiError; faults.contract.test.ts drives it through a limiter until it gives up (RateLimitedError).',
};

defineContractSuite(useSandboxTarget(), { parts: ['errors'], notProduced: NOT_PRODUCED_BY_SANDBOX });
