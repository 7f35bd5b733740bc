// The sandbox's evidence-open behaviours (SandboxBehaviour): defaults from kartra-api.md §0.4 and strict checking of
// a change, shared by startSandbox's options, the admin method setBehaviour and the CLI flags.
import { SandboxInspectError, type SandboxBehaviour, type SandboxOptions } from './types';

/** Each switch with its allowed values; the first is the default (what the evidence shows). */
export const BEHAVIOUR_CHOICES = {
  chain: ['continue', 'stop'],
  singleSuccess: ['envelope', 'flat'],
  textArea: ['cut', 'refuse'],
  contentType: ['html', 'json'],
  legacyMessages: [false, true],
} as const satisfies { [K in keyof SandboxBehaviour]: readonly SandboxBehaviour[K][] };

export const DEFAULT_BEHAVIOUR: SandboxBehaviour = {
  chain: BEHAVIOUR_CHOICES.chain[0],
  singleSuccess: BEHAVIOUR_CHOICES.singleSuccess[0],
  textArea: BEHAVIOUR_CHOICES.textArea[0],
  contentType: BEHAVIOUR_CHOICES.contentType[0],
  legacyMessages: BEHAVIOUR_CHOICES.legacyMessages[0],
};

export function behaviourFrom(options: SandboxOptions): SandboxBehaviour {
  return checkBehaviour({
    chain: options.chainFailure ?? DEFAULT_BEHAVIOUR.chain,
    singleSuccess: options.singleSuccess ?? DEFAULT_BEHAVIOUR.singleSuccess,
    textArea: options.textArea ?? DEFAULT_BEHAVIOUR.textArea,
    contentType: options.contentType ?? DEFAULT_BEHAVIOUR.contentType,
    legacyMessages: options.legacyMessages ?? DEFAULT_BEHAVIOUR.legacyMessages,
  });
}

/** Throws SandboxInspectError naming the first unknown key or value not allowed. */
export function checkBehaviour(input: Record<string, unknown>): SandboxBehaviour {
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(BEHAVIOUR_CHOICES, key)) {
      throw new SandboxInspectError(`unknown sandbox behaviour "${key}" (known: ${Object.keys(BEHAVIOUR_CHOICES).join(', ')})`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, allowed] of Object.entries(BEHAVIOUR_CHOICES) as [keyof SandboxBehaviour, readonly unknown[]][]) {
    const value = input[key] ?? DEFAULT_BEHAVIOUR[key];
    if (!allowed.includes(value)) {
      throw new SandboxInspectError(`sandbox behaviour ${key} must be ${allowed.map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(value)}`);
    }
    out[key] = value;
  }
  return out as unknown as SandboxBehaviour;
}
