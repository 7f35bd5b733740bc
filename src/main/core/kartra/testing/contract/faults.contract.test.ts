// Fault injection: 500 mixed lead writes through the real client and rate limiter against a sandbox that drops, fails and throttles requests.
//
// Every write must end done (and its effect be in the sandbox) or with a named error, nothing may be
// lost silently, and nothing applied twice where the state shows it (points add up). A write whose outcome is
// unknown (a lost answer, an action the answer does not cover) is settled the product's way: the lead is read
// and the one verifier (core/writes/verifier.ts) judges it; its verdict is then checked against the sandbox.
// The run uses a 100-per-second window on both sides (Kartra's is 20) so that it stays within a few seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSandbox, type RunningSandbox } from '../../../sandbox';
import { toAppError } from '../../../api/to-app-error';
import { KartraClient } from '../../client';
import { describeKartraError } from '../../error-codes';
import type { LeadAction } from '../../../../../shared/domain/actions';
import { verifyWrite, type PartOutcome, type VerifyFacts } from '../../../writes/verifier';
import { readLeadState } from '../../commands-lead';
import { RateLimitedError, TransportError } from '../../errors';
import type { LeadWriteResult } from '../../lead-writes';
import { LimiterRegistry } from '../../limiter-registry';
import { classify, LeadModel, planWrites, type FaultOp, type LeadPlan, type WriteOutcome } from './fault-model';

const LEADS = 100;
const WRITES_PER_LEAD = 5;
const RATE = 100;
const SEED = 20_251_122;

function clientFor(sb: RunningSandbox, registry: LimiterRegistry): KartraClient {
  return new KartraClient({
    credentials: { apiUrl: sb.url, appId: DEMO_ACCOUNT.appId, apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword },
    scheduler: registry.get(DEMO_ACCOUNT.appId),
    // Short back-off between retries of unsent requests / reads: the faults here are instant, not an outage.
    retry: { attempts: 3, baseDelayMs: 40, maxDelayMs: 300 },
  });
}

describe('500 mixed writes against a faulty sandbox', () => {
  let sb: RunningSandbox;
  let registry: LimiterRegistry;
  let client: KartraClient;
  beforeAll(async () => {
    sb = await startSandbox({
      rate: RATE,
      randomSeed: SEED,
      faults: { rate429: 0.1, rate5xx: 0.05, reset: 0.05, timeout: 0.02, timeoutHoldMs: 150 },
    });
    // Injected 429s are random, not another client: the limiter pauses on them but keeps its share of the window.
    registry = new LimiterRegistry({ limit: RATE, backOff: false });
    client = clientFor(sb, registry);
  });
  afterAll(async () => {
    await client.close();
    registry.closeAll();
    await sb.close();
  });

  it('every write ends done (and is in the sandbox) or with a named error; none lost, none applied twice', { timeout: 60_000 }, async () => {
    const apiKey = DEMO_ACCOUNT.apiKey;
    const catalog = sb.inspect.catalog({ apiKey });
    const run = `${process.pid}-${Date.now().toString(36)}`;
    const plans = planWrites(
      SEED,
      LEADS,
      WRITES_PER_LEAD,
      {
        tags: catalog.tags.slice(0, 4).map((t) => t.name),
        lists: catalog.lists.slice(0, 3).map((l) => l.name),
        sequences: catalog.sequences.slice(0, 2).map((s) => ({ name: s.name, steps: s.steps })),
      },
      (i) => `fault.${i}.${run}@example.org`,
    );

    const tally = {
      done: 0,
      /** Writes of unknown outcome the verifier settled by reading the lead: applied, or not applied. */
      verifiedApplied: 0,
      verifiedNotApplied: 0,
      kartraApiError: {} as Record<string, number>,
      uncertain: 0,
      /** Which writes the verifier could not settle (a mix of applied and not, or what cannot be read back). */
      uncertainByKind: {} as Record<string, number>,
      transportError: 0,
    };
    const unnamed: string[] = [];
    const problems: string[] = [];
    const refusedAfterCreate: string[] = [];

    const started = Date.now();
    await Promise.all(
      plans.map(async (plan) => {
        const model = new LeadModel();
        const lead: { id?: string } = {};
        let created = false;
        for (const op of plan.ops) {
          const scoreBefore = sb.inspect.getLead({ apiKey, email: plan.email })?.score ?? 0;
          const answered = await runOp(client, plan, op, lead).then(
            (result) => ({ result }),
            (error: unknown) => ({ error }),
          );
          let outcome = outcomeOf(answered);
          if (outcome.kind === 'uncertain') {
            outcome = await settle(client, plan, op, 'result' in answered ? answered.result : null, scoreBefore).catch(classify);
            if (outcome.kind === 'done') tally.verifiedApplied++;
            if (outcome.kind === 'not_applied') tally.verifiedNotApplied++;
          }
          model.record(op, outcome);
          if (outcome.kind === 'done') {
            tally.done++;
            if (op.kind === 'create') created = true;
            // Done means done: the effect is in the sandbox right now.
            const now = model.check(sb.inspect.getLead({ apiKey, email: plan.email }));
            problems.push(...now.map((p) => `${plan.email} after ${op.kind}: ${p}`));
          } else if (outcome.kind === 'refused') {
            tally.kartraApiError[outcome.type] = (tally.kartraApiError[outcome.type] ?? 0) + 1;
            // The only refusal a planned write can meet: no lead, because its create_lead did not go through.
            if (created || outcome.type !== '243') refusedAfterCreate.push(`${plan.email} ${op.kind}: Kartra error ${outcome.type}`);
          } else if (outcome.kind === 'not_applied') {
            // The verifier read the lead and found nothing of the write: the model keeps the state as it was.
          } else if (outcome.kind === 'uncertain') {
            tally.uncertain++;
            tally.uncertainByKind[op.kind] = (tally.uncertainByKind[op.kind] ?? 0) + 1;
          } else if (outcome.kind === 'transport') {
            tally.transportError++;
          } else {
            unnamed.push(`${plan.email} ${op.kind}: ${String(outcome.error)}`);
          }
        }
        problems.push(...model.check(sb.inspect.getLead({ apiKey, email: plan.email })).map((p) => `${plan.email} at the end: ${p}`));
      }),
    );
    const elapsedMs = Date.now() - started;

    const refused = Object.values(tally.kartraApiError).reduce((a, b) => a + b, 0);
    const stats = sb.stats();
    console.log(
      'fault-injection tallies',
      JSON.stringify({ writes: LEADS * WRITES_PER_LEAD, ...tally, unnamed: unnamed.length, elapsedMs, sandboxRequests: stats.requests, sandbox429: stats.count429 }),
    );

    expect(unnamed).toEqual([]);
    expect(tally.done + refused + tally.verifiedNotApplied + tally.uncertain + tally.transportError + unnamed.length).toBe(LEADS * WRITES_PER_LEAD);
    // Lost answers happened and the verifier settled some of them from the lead's state (checked above by the model).
    expect(tally.verifiedApplied + tally.verifiedNotApplied).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(refusedAfterCreate).toEqual([]);
    // The faults really happened: throttled requests were retried, so the sandbox saw more requests than writes.
    expect(stats.count429).toBeGreaterThan(0);
    expect(stats.requests).toBeGreaterThan(LEADS * WRITES_PER_LEAD);
  });
});

async function runOp(client: KartraClient, plan: LeadPlan, op: FaultOp, lead: { id?: string }): Promise<LeadWriteResult> {
  const ref = lead.id ? { id: lead.id } : { email: plan.email };
  switch (op.kind) {
    case 'create': {
      const result = await client.createLead({ email: plan.email, first_name: 'Fault' }, [{ cmd: 'assign_tag', tag_name: op.tag }]);
      lead.id = result.leadId;
      return result;
    }
    case 'edit':
      return client.editLead(ref, { city: op.city });
    case 'tag':
      return one(await client.assignTag(ref, op.tag));
    case 'untag':
      return one(await client.unassignTag(ref, op.tag));
    case 'list':
      return one(await client.subscribeToList(ref, op.list));
    case 'points':
      return one(await client.givePoints(ref, op.points));
    case 'sequence':
      return one(await client.subscribeToSequence(ref, op.sequence, op.step));
  }
}

/** A single action's result in the shape of a chained write's, so both are judged alike. */
function one(result: { cmd: string; ok: boolean; message: string }): LeadWriteResult {
  return { leadId: '', head: null, results: [result] };
}

/** How a write ended as answered: done, a named failure, or uncertain (a lost answer or an unreported action). */
function outcomeOf(answered: { result: LeadWriteResult } | { error: unknown }): WriteOutcome {
  if ('error' in answered) {
    const { error } = answered;
    return error instanceof TransportError && error.sent ? { kind: 'uncertain' } : classify(error);
  }
  const parts = [...(answered.result.head ? [answered.result.head] : []), ...answered.result.results];
  if (parts.some((r) => r.unknown)) return { kind: 'uncertain' };
  const failed = parts.find((r) => !r.ok);
  return failed ? { kind: 'unnamed', error: new Error(`a chained ${failed.cmd} failed: ${failed.message}`) } : { kind: 'done' };
}

/** The op as the write queue would hand it to the verifier: the create/edit head and its actions. */
function factsOf(op: FaultOp): Pick<VerifyFacts, 'head'> & { actions: LeadAction[] } {
  switch (op.kind) {
    case 'create':
      return { head: { kind: 'create' }, actions: [{ cmd: 'assign_tag', tag_name: op.tag }] };
    case 'edit':
      return { head: { kind: 'edit', changes: { city: op.city } }, actions: [] };
    case 'tag':
      return { head: null, actions: [{ cmd: 'assign_tag', tag_name: op.tag }] };
    case 'untag':
      return { head: null, actions: [{ cmd: 'unassign_tag', tag_name: op.tag }] };
    case 'list':
      return { head: null, actions: [{ cmd: 'subscribe_lead_to_list', list_name: op.list }] };
    case 'points':
      return { head: null, actions: [{ cmd: 'give_points_to_lead', points: op.points }] };
    case 'sequence':
      return { head: null, actions: [{ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: op.sequence, step: op.step }] };
  }
}

/**
 * An uncertain write, settled the product's way: read the lead, let the one verifier judge every unknown part.
 * All parts applied → done; none applied → not_applied; anything the verifier cannot tell, or a mix → uncertain.
 */
async function settle(client: KartraClient, plan: LeadPlan, op: FaultOp, answer: LeadWriteResult | null, scoreBefore: number): Promise<WriteOutcome> {
  const { head, actions } = factsOf(op);
  const outcome = (r: { ok: boolean; unknown?: boolean } | null | undefined): PartOutcome => (!answer || !r || r.unknown ? 'unknown' : r.ok ? 'done' : 'failed');
  const lead = await readLeadState(client, { email: plan.email }, 'outbox');
  const verdict = verifyWrite({
    lead,
    head,
    headOutcome: head ? outcome(answer?.head) : 'done',
    actions: actions.map((action, i) => ({ action, outcome: outcome(answer?.results[i]) })),
    scoreBefore,
  });
  const kinds = [verdict.head, ...verdict.actions].filter((v) => v !== null).map((v) => v.kind);
  if (kinds.length > 0 && kinds.every((k) => k === 'applied')) return { kind: 'done' };
  if (kinds.length > 0 && kinds.every((k) => k === 'not_applied')) return { kind: 'not_applied' };
  return { kind: 'uncertain' };
}

describe('the rate limit as the caller sees it', () => {
  it('a limiter that runs out of 429 retries surfaces RateLimitedError, mapped to rate_limited', async () => {
    const sb = await startSandbox({ rate: 0, seed: false, faults: { rate429: 1 } });
    const registry = new LimiterRegistry({ max429Retries: 1, pauseOn429Ms: 20 });
    const client = clientFor(sb, registry);
    try {
      const error = await client.retrieveAccountTags().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      // The limiter paused and tried once more before giving up: two throttled requests, nothing else.
      expect(sb.stats()).toMatchObject({ requests: 2, count429: 2 });
      expect(toAppError(error).toData()).toMatchObject({ code: 'rate_limited', retryable: true });
      expect(describeKartraError('429', 'Too many requests').code).toBe('rate_limited');
    } finally {
      await client.close();
      registry.closeAll();
      await sb.close();
    }
  });
});
