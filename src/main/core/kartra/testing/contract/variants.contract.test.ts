// The contract against each sandbox variant that matters: what kartra-api.md §0.4 leaves open (E1 single-success
// shape, E3 chain behaviour, E9/E10 and the older wording) must not change what the client reports.
import { describe } from 'vitest';
import type { SandboxOptions } from '../../../sandbox';
import { defineContractSuite, type ContractPart } from './define-contract-suite';
import { NOT_PRODUCED_BY_SANDBOX, useSandboxTarget } from './sandbox-target';

/**
 * The default (the evidence) runs in full in commands/errors/modes.contract.test.ts; these are the switches. Each
 * variant gets its own sandbox, and the commands and errors parts never share one (the commands part spends
 * payment fixtures the errors part needs).
 */
const VARIANTS: { name: string; options: SandboxOptions; parts: ContractPart[] }[] = [
  { name: '--chain stop', options: { chainFailure: 'stop' }, parts: ['commands', 'chains'] },
  { name: '--single-success flat', options: { singleSuccess: 'flat' }, parts: ['commands', 'chains'] },
  { name: '--chain stop --single-success flat', options: { chainFailure: 'stop', singleSuccess: 'flat' }, parts: ['chains'] },
  { name: '--content-type json --text-area refuse', options: { contentType: 'json', textArea: 'refuse' }, parts: ['commands'] },
  // The older wording of §13 changes messages, never type codes: every code must still map the same way.
  { name: '--legacy-messages', options: { legacyMessages: true }, parts: ['errors'] },
];

for (const variant of VARIANTS) {
  describe(`sandbox ${variant.name}`, () => {
    defineContractSuite(useSandboxTarget(variant.options), { parts: variant.parts, notProduced: NOT_PRODUCED_BY_SANDBOX });
  });
}
