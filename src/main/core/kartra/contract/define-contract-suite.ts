// The client-vs-server contract suite, defined for any target: the sandbox in this project's tests, another Kartra-compatible base URL in principle.
import { describe } from 'vitest';
import { describeAccountCommands, describePaymentCommands } from './account-payment-suite';
import { describeChains } from './chain-suite';
import type { ContractTarget } from './contract-target';
import { describeErrorCodes } from './error-suite';
import { describeLeadCommands } from './lead-command-suite';

export type ContractPart = 'commands' | 'errors' | 'chains';
export const CONTRACT_PARTS: readonly ContractPart[] = ['commands', 'errors', 'chains'];

/**
 * Defines the suite's describe blocks. `target` is called only inside hooks and tests, so it may be
 * produced by a beforeAll (the sandbox starts there). `parts` lets test files split the suite so that
 * vitest runs the parts in parallel workers.
 */
export function defineContractSuite(target: () => ContractTarget, options: { parts?: readonly ContractPart[] } = {}): void {
  const parts = new Set(options.parts ?? CONTRACT_PARTS);
  describe('Kartra client contract', () => {
    if (parts.has('commands')) {
      describeLeadCommands(target);
      describeAccountCommands(target);
      describePaymentCommands(target);
    }
    if (parts.has('errors')) describeErrorCodes(target);
    if (parts.has('chains')) describeChains(target);
  });
}
