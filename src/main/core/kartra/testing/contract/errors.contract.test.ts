// Contract: every documented Kartra error code reached through the real client against the real sandbox.
import { defineContractSuite } from './define-contract-suite';
import { NOT_PRODUCED_BY_SANDBOX, useSandboxTarget } from './sandbox-target';

defineContractSuite(useSandboxTarget(), { parts: ['errors'], notProduced: NOT_PRODUCED_BY_SANDBOX });
