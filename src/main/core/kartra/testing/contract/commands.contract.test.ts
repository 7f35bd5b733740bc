// Contract: every Kartra command through the real client and rate limiter against the real sandbox, result and stored state.
import { defineContractSuite } from './define-contract-suite';
import { useSandboxTarget } from './sandbox-target';

defineContractSuite(useSandboxTarget(), { parts: ['commands'] });
