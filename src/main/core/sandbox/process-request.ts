// One /api call from parsed parameters to the JSON answer: global checks in kartra-api.md §4's order, then
// get_lead or the action chain, all inside one database transaction committed before the answer is sent.
import { checkCredentials, isSaid, READ_COMMANDS } from './auth';
import { asList, isRecord, text, type CommandContext, type Outcome } from './commands/context';
import { findLead, hasRef, refOf } from './commands/lead-lookup';
import { commandSpec } from './commands/registry';
import { leadDetails } from './lead-view';
import { say, type MessageKey, type Said } from './messages';
import type { AccountRow } from './store/catalog-store';
import type { SandboxState } from './store/state';
import type { SandboxBehaviour } from './types';

export interface ProcessSettings {
  testMode: boolean;
  simulateInsecure: boolean;
  behaviour: SandboxBehaviour;
}

type Body = Record<string, unknown>;
const errorBody = (s: Said): Body => ({ status: 'Error', message: s.message, type: s.type });

/**
 * Global checks, first failure answers (flat error body):
 * 201 → 238/239/240 → 202/203/233/204 → 242 → structure 223/236/224/254 → chain order (invented 291)
 * → 262 (unknown cmd or a write by a read-only app) → 206 → command-specific.
 */
export function processRequest(state: SandboxState, params: Body, remoteIp: string, settings: ProcessSettings): Body {
  const legacy = settings.behaviour.legacyMessages;
  const error = (key: MessageKey) => errorBody(say(key, legacy));
  if (settings.simulateInsecure) return error('insecure');

  const caller = checkCredentials(params, remoteIp, state.catalog, legacy);
  if (isSaid(caller)) return errorBody(caller);

  if (params.lead !== undefined && typeof params.lead !== 'object') return error('leadNotArray');
  const getLead = params.get_lead;
  if (getLead !== undefined && typeof getLead !== 'object') return error('getLeadNotArray');
  // [U] PHP would also accept named keys here; the sandbox insists on a list so that client encoding bugs show.
  const list = params.actions === undefined ? [] : asList(params.actions);
  if (list === null) return error('actionsNotArray');
  const actions: Body[] = [];
  for (const a of list) {
    if (!isRecord(a) || text(a.cmd) === '') return error('cmdRequired');
    actions.push(a);
  }
  // [U] A call with neither get_lead nor any action has nothing to run: answered like an action without cmd.
  if (getLead === undefined && actions.length === 0) return error('cmdRequired');

  if (getLead !== undefined) {
    // [U] get_lead is its own request (kartra-api.md §9.4); actions sent alongside it are ignored.
    if (!hasRef(refOf(getLead))) return error('leadRequired');
    return state.db.transaction(() => {
      state.leads.expirePoints(caller.account.id, state.clock.now());
      return readLead(state, caller.account, getLead, settings);
    });
  }

  const specs = actions.map((a) => ({ cmd: text(a.cmd), spec: commandSpec(text(a.cmd)) }));
  if (specs.slice(1).some((s) => s.spec?.scope === 'anchor')) return error('chainOrder');
  for (const s of specs) {
    // [U] An unknown cmd is answered like one the app may not run.
    if (!s.spec || (caller.appReadOnly && !READ_COMMANDS.has(s.cmd))) return error('noPermission');
  }
  const ref = refOf(params.lead);
  const first = specs[0]!;
  if (first.cmd === 'create_lead' ? ref.email === '' : specs.some((s) => s.spec!.scope !== 'account') && !hasRef(ref)) {
    return error('leadRequired');
  }
  return state.db.transaction(() => {
    state.leads.expirePoints(caller.account.id, state.clock.now());
    return runChain(state, caller.account, params, actions, settings);
  });
}

function readLead(state: SandboxState, account: AccountRow, getLead: unknown, settings: ProcessSettings): Body {
  const lead = findLead({ state, account, testMode: settings.testMode }, refOf(getLead));
  const legacy = settings.behaviour.legacyMessages;
  if (!lead) return errorBody(say('getLeadNotFound', legacy));
  if (lead.deleted) return errorBody(say('leadDeleted', legacy));
  return { status: 'Success', lead_details: leadDetails(state, account, lead) };
}

/**
 * Runs the actions in order on one lead, each with its own result (kartra-api.md §0.4 E3). The call ends early
 * only when the chain's lead cannot be had (a failing anchor, no such lead) or, with chain 'stop', at any failure.
 * Shapes: one action → a flat error (E2), or its success: lead actions inside the `actions` envelope (E1; flat
 * with singleSuccess 'flat'), the other commands in their documented shape. Several →
 * `{"status":"Success","actions":[{cmd: entry}, …]}` even when some failed (E3); when the call stopped →
 * `{"status":"Error","message":…,"type":…,"actions":[…entries up to and including the failing one]}` ([U]).
 */
function runChain(state: SandboxState, account: AccountRow, params: Body, actions: Body[], settings: ProcessSettings): Body {
  const { behaviour } = settings;
  const ctx: CommandContext = {
    state,
    account,
    legacy: behaviour.legacyMessages,
    textArea: behaviour.textArea,
    testMode: settings.testMode,
    leadBlock: isRecord(params.lead) ? params.lead : {},
    lead: null,
  };
  const specs = actions.map((a) => commandSpec(text(a.cmd))!);
  // Without an anchor, lead actions address the lead of `lead[id|email]`, resolved once for the whole chain.
  let leadProblem: Said = say('leadNotFound', behaviour.legacyMessages);
  if (specs[0]!.scope !== 'anchor' && specs.some((s) => s.scope === 'lead')) {
    const lead = findLead(ctx, refOf(params.lead));
    if (lead && lead.deleted) leadProblem = say('leadDeleted', behaviour.legacyMessages);
    else if (lead) ctx.lead = lead;
  }

  const results: { cmd: string; outcome: Outcome }[] = [];
  let stoppedOn: Said | null = null;
  for (let i = 0; i < actions.length; i++) {
    const spec = specs[i]!;
    const cmd = text(actions[i]!.cmd);
    const noLead = spec.scope === 'lead' && !ctx.lead;
    const outcome: Outcome = noLead ? { ok: false, said: leadProblem } : spec.run(ctx, actions[i]!);
    if (outcome.ok && outcome.lead) ctx.lead = outcome.lead;
    results.push({ cmd, outcome });
    // [U] Without its lead (a failed anchor, no such lead) nothing after can run: the call ends there.
    const leadless = noLead || spec.scope === 'anchor';
    if (!outcome.ok && (leadless || behaviour.chain === 'stop')) {
      stoppedOn = outcome.said;
      break;
    }
  }

  if (actions.length === 1) {
    const only = results[0]!.outcome;
    if (!only.ok) return errorBody(only.said);
    const shape = specs[0]!.scope === 'lead' ? behaviour.singleSuccess : specs[0]!.single;
    return shape === 'flat' ? only.entry : { status: 'Success', actions: [{ [results[0]!.cmd]: only.entry }] };
  }
  const entries = results.map((r) => ({ [r.cmd]: r.outcome.ok ? r.outcome.entry : errorBody(r.outcome.said) }));
  if (stoppedOn) return { ...errorBody(stoppedOn), actions: entries };
  return { status: 'Success', actions: entries };
}
