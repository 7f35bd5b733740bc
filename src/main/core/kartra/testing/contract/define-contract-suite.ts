// The client-vs-server contract suite, defined for any target: the sandbox in this project's tests, another Kartra-compatible base URL in principle.
import { describe } from 'vitest';
import { describeAccountCommands, describePaymentCommands } from './account-payment-suite';
import { describeChains } from './chain-suite';
import type { ContractTarget } from './contract-target';
import { describeErrorCodes, type NotProduced } from './error-suite';
import { describeLeadCommands } from './lead-command-suite';

export type ContractPart = 'commands' | 'errors' | 'chains';
export const CONTRACT_PARTS: readonly ContractPart[] = ['commands', 'errors', 'chains'];

export interface ContractSuiteOptions {
  /** Which parts to define; test files split the suite so that vitest runs the parts in parallel workers. */
  parts?: readonly ContractPart[];
  /** Error codes (or `code:cmd` pairs) this target cannot produce, with the reason; their rows are skipped with it. */
  notProduced?: NotProduced;
}

/**
 * Defines the suite's describe blocks. `target` is called only inside hooks and tests, so it may be
 * produced by a beforeAll (the sandbox starts there).
 */
export function defineContractSuite(target: () => ContractTarget, options: ContractSuiteOptions = {}): void {
  const parts = new Set(options.parts ?? CONTRACT_PARTS);
  describe('Kartra client contract', () => {
    if (parts.has('commands')) {
      describeLeadCommands(target);
      describeAccountCommands(target);
      describePaymentCommands(target);
    }
    if (parts.has('errors')) describeErrorCodes(target, options.notProduced);
    if (parts.has('chains')) describeChains(target);
  });
}
