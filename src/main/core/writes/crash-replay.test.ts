// Step 5 "Offline queued edits", proven against a real crash: the core runs in a child process that is stopped
// cleanly and SIGKILLed (mid-write, and mid-replay), and Kartra's final state must equal a model computed here.
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, type RunningSandbox } from '../sandbox';
import { CoreHarness } from '../testing/core-harness';
import type { ChildConfig } from './testing/durability/child-protocol';
import { CoreChild } from './testing/durability/child-runner';
import { appliedButUnacknowledged, readInFlight } from './testing/durability/in-flight';
import { diffLead, modelOf, type LeadModel } from './testing/durability/model';
import { expectedState, planCatalog, planForLeads, Rng, withCreates, type Plan, type PlanCatalog } from './testing/durability/plan';

const h = new CoreHarness();
const children: CoreChild[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await child.killHard();
  await h.cleanup();
});

const { apiKey, apiPassword, appId } = DEMO_ACCOUNT;
/** Kartra's limit, enforced by the sandbox exactly (sliding window, 429 beyond it). */
const STRICT = 20;
const SEED = Number(process.env.DURABILITY_SEED ?? 20_250_611);

/**
 * 429s tolerated here: none is lost (every one is retried, and the final state is checked change by change), but
 * whether a lone one happens is timing. The sandbox counts a request when its event loop reads it, and on two
 * cores shared with the rest of the suite that read can lag by more than the limiter's learned margin, so two
 * requests sent a window apart are counted closer (1 × 429 in about one suite run in four under load 18–20). The
 * zero-429 goal at full speed is `npm run bench:outbox`'s, on a quiet machine; a limiter that does not keep the
 * window draws far more than 1 % (the first replay second alone drew 3–7 before the burst rule in rate-limiter.ts).
 */
function stray429Allowance(requests: number): number {
  return Math.floor(requests / 100);
}

function start(config: ChildConfig, name: string, onMessage?: Parameters<typeof CoreChild.start>[2]): CoreChild {
  const child = CoreChild.start(config, name, onMessage);
  children.push(child);
  return child;
}

/** A Kartra (the sandbox) that lives in a data file and can be stopped and started on the same port. */
async function kartra() {
  const dir = h.tempDir('lead-desk-durability-');
  const dataFile = join(dir, 'kartra.sqlite');
  let sandbox: RunningSandbox = await h.sandbox({ dataFile, rate: STRICT });
  const port = sandbox.port;
  return {
    dir,
    get sandbox() {
      return sandbox;
    },
    url: sandbox.url,
    stop: () => sandbox.close(),
    start: async (faults?: Parameters<RunningSandbox['setFaults']>[0]) => (sandbox = await h.sandbox({ dataFile, port, rate: STRICT, ...(faults ? { faults, randomSeed: SEED } : {}) })),
  };
}

/** Kartra's copy of every lead the plan touches, in the model's terms. */
function actualState(sandbox: RunningSandbox, plan: Plan, names: PlanCatalog): Map<string, LeadModel> {
  const actual = new Map<string, LeadModel>();
  for (const key of plan.initial.keys()) {
    const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const lead = sandbox.inspect.getLead(kind === 'id' ? { apiKey, id: value } : { apiKey, email: value });
    if (lead) actual.set(key, modelOf(lead, names.textField));
  }
  return actual;
}

/** The plan written where the child reads it, and the child's base config (its data folder, the account). */
function childSetup(k: Awaited<ReturnType<typeof kartra>>, plan: Plan): { base: ChildConfig; planFile: string } {
  const planFile = join(k.dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan.changes));
  const base: ChildConfig = {
    dataDir: join(k.dir, 'app'),
    account: { label: 'Durability', appId, apiKey, apiPassword, apiUrl: k.url },
    probeBackoffMs: [100, 200, 400],
  };
  return { base, planFile };
}

function differences(expected: Map<string, LeadModel>, actual: Map<string, LeadModel>): string[] {
  return [...expected].flatMap(([key, lead]) => diffLead(key, lead, actual.get(key)));
}

describe('durable outbox across crashes and restarts (child process, strict 20/s sandbox)', () => {
  it('1,000 changes on 200 leads made offline survive a clean restart and a SIGKILL mid-write, then all apply once, in order', async () => {
    const k = await kartra();
    const rng = new Rng(SEED);
    const names = planCatalog(k.sandbox.inspect.catalog({ apiKey }));
    const leads = rng
      .shuffle(k.sandbox.inspect.listLeads({ apiKey }).map((l) => l.id))
      .slice(0, 200)
      .map((id) => k.sandbox.inspect.getLead({ apiKey, id })!);
    const plan = planForLeads(SEED, leads, names, 5);
    expect(plan.changes).toHaveLength(1_000);
    const expected = expectedState(plan);
    const { base, planFile } = childSetup(k, plan);

    // The account is connected once, while Kartra is reachable; then Kartra goes away.
    await start({ ...base, connect: true }, 'connect').finished(20_000);
    await k.stop();

    // Run 1 makes the first 400 changes offline and quits normally.
    const first = start({ ...base, planFile, from: 0, to: 400 }, 'run-1');
    await first.finished(30_000);
    expect(first.messages.filter((m) => m.t === 'ack')).toHaveLength(400);

    // Run 2 continues and is SIGKILLed right after acknowledging a random change: it is in the middle of the next write.
    const killAfter = rng.int(450, 800);
    const second = start({ ...base, planFile, from: 400 }, 'run-2', (m, child) => {
      if (m.t === 'ack' && m.i === killAfter) void child.killHard();
    });
    expect((await second.exited).signal).toBe('SIGKILL');
    const acked = Math.max(...second.messages.flatMap((m) => (m.t === 'ack' ? [m.i] : [])));
    expect(acked).toBeGreaterThanOrEqual(killAfter);

    // Run 3 finds what was durably recorded (every acknowledged change, maybe more whose acknowledgement died with
    // the process), makes exactly the rest, and replays.
    const third = start({ ...base, planFile, from: 'recorded', drain: true }, 'run-3');
    const resume = await third.next('resume', 20_000);
    expect(resume.from).toBeGreaterThanOrEqual(acked + 1);
    expect(resume.from).toBeLessThanOrEqual(plan.changes.length);
    await third.next('queued', 30_000);
    expect(third.messages.filter((m) => m.t === 'ack').map((m) => (m.t === 'ack' ? m.i : -1))).toEqual(
      Array.from({ length: plan.changes.length - resume.from }, (_, n) => resume.from + n),
    );

    const replayStarted = Date.now();
    await k.start();
    const drained = await third.next('drained', 120_000);
    const seconds = (Date.now() - replayStarted) / 1000;
    await third.finished(10_000);
    expect(drained.left).toEqual([]);

    expect(differences(expected, actualState(k.sandbox, plan, names))).toEqual([]);
    const stats = k.sandbox.stats();
    expect(stats.count429).toBeLessThanOrEqual(stray429Allowance(stats.requests));
    console.info(
      `[durability] 1000 changes on 200 leads: run 2 killed after change ${acked} (${resume.from - acked - 1} more recorded but unacknowledged); ` +
        `replay ${stats.requests} calls in ${seconds.toFixed(1)} s (${(stats.requests / seconds).toFixed(1)}/s), ${(stats.requests / 1000).toFixed(2)} calls per change, 429s: ${stats.count429}`,
    );
  }, 180_000);

  it('a SIGKILL during the replay leaves changes in flight: after the restart they are verified, not resent blindly', async () => {
    const k = await kartra();
    const rng = new Rng(SEED + 1);
    const names = planCatalog(k.sandbox.inspect.catalog({ apiKey }));
    const leads = rng
      .shuffle(k.sandbox.inspect.listLeads({ apiKey }).map((l) => l.id))
      .slice(0, 40)
      .map((id) => k.sandbox.inspect.getLead({ apiKey, id })!);
    // Mostly points: a points change applied twice shows in the score, so nearly every call can be checked.
    const plan = withCreates(planForLeads(SEED + 1, leads, names, 6, { tag: 20, list: 10, sequence: 5, points: 50, edit: 15 }), SEED + 1, 5, names, `crash-${SEED}`);
    const expected = expectedState(plan);
    const { base, planFile } = childSetup(k, plan);
    await start({ ...base, connect: true }, 'connect').finished(20_000);
    await k.stop();
    await start({ ...base, planFile }, 'queue').finished(30_000);

    // Kartra comes back, but now and then applies a call and holds the answer (6 s): a crash then leaves a
    // change that Kartra has but the app still has in flight.
    await k.start({ timeout: 0.12, timeoutHoldMs: 6_000 });
    const replayStarted = Date.now();
    const replaying = start({ ...base, drain: true }, 'replay');
    await replaying.next('ready', 20_000);
    // Kill once a points change has stayed applied-but-unanswered for half a second: one Kartra holds, not one
    // whose answer is merely on its way (that one could be settled before the signal lands).
    const firstSeen = new Map<number, number>();
    const deadline = Date.now() + 40_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`no applied-but-unanswered points change stayed in flight: ${replaying.describe()}`);
      await sleep(50);
      const now = Date.now();
      const caught = appliedButUnacknowledged(readInFlight(base.dataDir), (ref) => k.sandbox.inspect.getLead({ apiKey, ...ref })).points;
      for (const id of firstSeen.keys()) if (!caught.some((i) => i.id === id)) firstSeen.delete(id);
      for (const item of caught) if (!firstSeen.has(item.id)) firstSeen.set(item.id, now);
      if ([...firstSeen.values()].some((at) => now - at >= 500)) break;
    }
    await replaying.killHard();
    const killedAt = Date.now();
    k.sandbox.setFaults({});

    // What the crash left behind, judged from outside: in flight, and of those, already applied by Kartra.
    const inFlight = readInFlight(base.dataDir);
    const applied = appliedButUnacknowledged(inFlight, (ref) => k.sandbox.inspect.getLead({ apiKey, ...ref }));
    expect(applied.points.length).toBeGreaterThan(0);

    const before429 = k.sandbox.stats().count429;
    // The restarted limiter knows nothing of the killed process's calls: a restart takes longer than Kartra's window
    // anyway. Calls the killed process wrote just before dying still reach Kartra; on this loaded machine the sandbox
    // (in this process) may read them late, so wait until it has been quiet for a window, as Kartra would be.
    for (let seen = -1; seen !== k.sandbox.stats().requests; ) {
      seen = k.sandbox.stats().requests;
      await sleep(Math.max(1_100 - (Date.now() - killedAt), 1_100));
    }
    const restarted = start({ ...base, drain: true }, 'restart');
    const ready = await restarted.next('ready', 20_000);
    // The restart finds them still in flight (it may already have started sending other leads' changes too).
    expect(ready.outbox.filter((i) => i.status === 'in_flight').map((i) => i.id)).toEqual(expect.arrayContaining(inFlight.map((i) => i.id)));
    const drained = await restarted.next('drained', 60_000);
    await restarted.finished(10_000);
    expect(drained.left).toEqual([]);

    expect(differences(expected, actualState(k.sandbox, plan, names))).toEqual([]);
    // Each create made exactly one lead.
    const emails = k.sandbox.inspect.listLeads({ apiKey, includeDeleted: true }).map((l) => l.email.toLowerCase());
    for (const change of plan.changes) {
      if (change.kind === 'create') expect(emails.filter((e) => e === change.lead.email.toLowerCase())).toHaveLength(1);
    }
    const stats = k.sandbox.stats();
    expect(before429).toBeLessThanOrEqual(stray429Allowance(stats.requests));
    expect(stats.count429 - before429).toBeLessThanOrEqual(stray429Allowance(stats.requests));
    console.info(
      `[durability] replay killed after ${((killedAt - replayStarted) / 1000).toFixed(1)} s with ${inFlight.length} change(s) in flight, of which Kartra had applied ${applied.points.length} points ` +
        `and ${applied.creates.length} create(s); after the restart all ${plan.changes.length} changes hold exactly once (${stats.requests} calls, 429s: ${stats.count429})`,
    );
  }, 120_000);
});
