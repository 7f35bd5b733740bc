// The sandbox's network imitation: delay shapes and jitter, and that the rate window counts a request only after
// its upstream delay (through the real server over loopback HTTP).
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxArrival, type SandboxOptions } from './index';
import { Network, networkShape } from './network';
import { credentials, form, post } from './testing/raw-calls';

describe('networkShape', () => {
  it('splits a lone latencyMs evenly; explicit legs win; jitter is clamped to 0..1', () => {
    expect(networkShape({ latencyMs: 250 })).toEqual({ upstreamMs: 125, downstreamMs: 125, jitter: 0 });
    expect(networkShape({ upstreamMs: 200, downstreamMs: 20, jitter: 0.2 })).toEqual({ upstreamMs: 200, downstreamMs: 20, jitter: 0.2 });
    expect(networkShape({ latencyMs: 100, upstreamMs: 80 })).toEqual({ upstreamMs: 80, downstreamMs: 50, jitter: 0 });
    expect(networkShape({ jitter: 3 }).jitter).toBe(1);
    expect(networkShape({})).toEqual({ upstreamMs: 0, downstreamMs: 0, jitter: 0 });
  });
});

describe('Network', () => {
  it('draws each leg uniformly within d·(1 ± jitter), spread over the whole band, reproducibly per seed', () => {
    const net = new Network(7, { upstreamMs: 125, downstreamMs: 50, jitter: 0.2 });
    const ups = Array.from({ length: 2000 }, () => net.upstream());
    const downs = Array.from({ length: 2000 }, () => net.downstream());
    expect(Math.min(...ups)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...ups)).toBeLessThanOrEqual(150);
    expect(Math.min(...ups)).toBeLessThan(101); // the band is used end to end, not just its middle
    expect(Math.max(...ups)).toBeGreaterThan(149);
    expect(Math.min(...downs)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...downs)).toBeLessThanOrEqual(60);
    const again = new Network(7, { upstreamMs: 125, downstreamMs: 50, jitter: 0.2 });
    expect(Array.from({ length: 5 }, () => again.upstream())).toEqual(ups.slice(0, 5));
  });

  it('without jitter every delay is exact, and zero stays zero', () => {
    const net = new Network(1, { latencyMs: 90 });
    expect([net.upstream(), net.downstream(), net.upstream()]).toEqual([45, 45, 45]);
    net.set({});
    expect([net.upstream(), net.downstream()]).toEqual([0, 0]);
  });
});

const open: RunningSandbox[] = [];
async function sandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const sb = await startSandbox({ seed: false, ...options });
  open.push(sb);
  return sb;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

const tags = form({ ...credentials(), actions: [{ cmd: 'retrieve_account_tags' }] });
const admin = (sb: RunningSandbox, method: string, body: object) =>
  fetch(sb.url.replace(/\/api$/, `/__admin/${method}`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-admin': sb.adminToken },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

describe('the rate window behind the upstream delay', () => {
  it('counts a request when it arrives, not when it was sent: a later request on a faster path takes the only slot', async () => {
    const arrivals: SandboxArrival[] = [];
    const sb = await sandbox({ rate: 1, faults: { upstreamMs: 900, downstreamMs: 0 }, onArrival: (a) => arrivals.push(a) });
    await admin(sb, 'stats', {}); // a warm server, so the second request is not slowed by a first-call setup
    const slow = post(sb, tags); // sent first, reaches the window at ~900 ms, inside the window the second one opened
    await new Promise((r) => setTimeout(r, 50));
    sb.setFaults({ upstreamMs: 0, downstreamMs: 0 });
    const fast = await post(sb, tags); // sent second, counted at once
    expect(fast.status).toBe(200);
    expect((await slow).status).toBe(429); // a window that counted on receipt would have refused `fast` instead
    expect(arrivals.map((a) => a.accepted)).toEqual([true, false]);
    expect((arrivals[1]?.at ?? 0) - (arrivals[0]?.at ?? 0)).toBeGreaterThanOrEqual(500);
    expect(sb.stats()).toMatchObject({ requests: 2, count429: 1 });
  });

  it('adds the downstream delay to every answer, 429s included', async () => {
    const sb = await sandbox({ rate: 1, faults: { upstreamMs: 0, downstreamMs: 150 } });
    const started = Date.now();
    const replies = await Promise.all([post(sb, tags), post(sb, tags)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 429]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('takes the network over the admin API, and refuses a jitter above 1', async () => {
    const sb = await sandbox({ rate: 0 });
    expect(await admin(sb, 'setFaults', { upstreamMs: 125, downstreamMs: 125, jitter: 0.2 })).toEqual({
      status: 200,
      body: { ok: true, value: { faults: { upstreamMs: 125, downstreamMs: 125, jitter: 0.2 } } },
    });
    const started = Date.now();
    expect((await post(sb, tags)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(195); // ≥ 2 × 125 × 0.8
    expect(await admin(sb, 'setFaults', { jitter: 1.5 })).toEqual({ status: 400, body: { ok: false, error: 'fault jitter is a share between 0 and 1' } });
  });
});
