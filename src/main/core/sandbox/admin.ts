// The /__admin HTTP endpoints: the inspector plus fault/test-mode switches and stats, for tests in another
// process and the CLI. POST /__admin/<method>, JSON body = the method's argument, header x-sandbox-admin.
import { timingSafeEqual } from 'node:crypto';
import { checkFaults } from './faults';
import { SandboxInspectError, type RunningSandbox, type SandboxBehaviour, type SandboxFaults } from './types';

/** What the admin API reaches: the running sandbox's own controls (setBehaviour throws SandboxInspectError for an unknown switch or value). */
export type AdminDeps = { token: string } & Pick<RunningSandbox, 'inspect' | 'setFaults' | 'setTestMode' | 'setBehaviour' | 'behaviour' | 'stats' | 'requests'>;

export interface AdminAnswer {
  status: number;
  body: unknown;
}

/**
 * Methods: getLead, listLeads, editLead, deleteLead, catalog, transactions, subscriptions, advanceClock (the
 * SandboxInspector methods, same argument), setFaults (SandboxFaults, network delays included), setTestMode ({on: boolean}),
 * setBehaviour (part of SandboxBehaviour: {chain, singleSuccess, textArea, contentType, legacyMessages}; answers the
 * whole set), behaviour ({}), stats ({}), requests ({since?: seq, email?}: the request log, request-log.ts).
 * Answers `{ok: true, value}` (200) or `{ok: false, error}` (400 bad input, 401 token, 404 method, 405 verb).
 */
export function handleAdmin(deps: AdminDeps, method: string, path: string, token: string | undefined, body: string): AdminAnswer {
  if (!tokenMatches(deps.token, token)) return { status: 401, body: { ok: false, error: 'missing or wrong x-sandbox-admin token' } };
  const name = path.replace(/^\/__admin\/?/, '');
  const call = route(deps, name);
  if (!call) return { status: 404, body: { ok: false, error: `no admin method "${name}"` } };
  if (method !== 'POST') return { status: 405, body: { ok: false, error: 'admin methods are called with POST' } };
  let input: unknown = {};
  if (body.trim() !== '') {
    try {
      input = JSON.parse(body);
    } catch {
      return { status: 400, body: { ok: false, error: 'the body is not valid JSON' } };
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { status: 400, body: { ok: false, error: 'the body must be a JSON object' } };
  }
  try {
    return { status: 200, body: { ok: true, value: call(input as Record<string, unknown>) ?? null } };
  } catch (error) {
    if (error instanceof SandboxInspectError) return { status: 400, body: { ok: false, error: error.message } };
    throw error;
  }
}

type Call = (input: Record<string, unknown>) => unknown;

function route(deps: AdminDeps, name: string): Call | undefined {
  const i = deps.inspect;
  const calls: Record<string, Call> = {
    getLead: (x) => i.getLead(x as never),
    listLeads: (x) => i.listLeads(x as never),
    editLead: (x) => i.editLead(x as never),
    deleteLead: (x) => i.deleteLead(x as never),
    catalog: (x) => i.catalog(x as never),
    transactions: (x) => i.transactions(x as never),
    subscriptions: (x) => i.subscriptions(x as never),
    advanceClock: (x) => i.advanceClock(x as never),
    setFaults: (x) => {
      let faults: SandboxFaults;
      try {
        faults = checkFaults(x);
      } catch (error) {
        throw new SandboxInspectError((error as Error).message);
      }
      deps.setFaults(faults);
      return { faults };
    },
    setTestMode: (x) => {
      if (typeof x.on !== 'boolean') throw new SandboxInspectError('setTestMode takes {"on": true|false}');
      deps.setTestMode(x.on);
      return { testMode: x.on };
    },
    setBehaviour: (x) => deps.setBehaviour(x as Partial<SandboxBehaviour>),
    behaviour: () => deps.behaviour(),
    stats: () => deps.stats(),
    requests: (x) => {
      if (x.since !== undefined && !Number.isInteger(x.since)) throw new SandboxInspectError('requests takes {"since"?: a whole number, "email"?: text}');
      if (x.email !== undefined && typeof x.email !== 'string') throw new SandboxInspectError('requests takes {"since"?: a whole number, "email"?: text}');
      return deps.requests({ since: x.since as number | undefined, email: x.email as string | undefined });
    },
  };
  return Object.hasOwn(calls, name) ? calls[name] : undefined;
}

function tokenMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
