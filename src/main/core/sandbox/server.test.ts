import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, SANDBOX_APPS, startSandbox, type RunningSandbox, type SandboxOptions } from './index';
import { credentials, form, freshEmail, post } from './testing/raw-calls';

const open: RunningSandbox[] = [];
async function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sb = await startSandbox({ seed: false, ...options });
  open.push(sb);
  return sb;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

const apiKey = DEMO_ACCOUNT.apiKey;
const tags = { ...credentials(), actions: [{ cmd: 'retrieve_account_tags' }] };
const createBody = (email: string) => form({ ...credentials(), lead: { email }, actions: [{ cmd: 'create_lead' }] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Resolves to the HTTP status, or 'dropped' when the connection was destroyed without an answer. */
const attempt = (sb: RunningSandbox, body: string) =>
  fetch(sb.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).then(
    async (r) => {
      await r.text();
      return r.status;
    },
    () => 'dropped' as const,
  );

describe('rate limit: sliding 1000 ms window per app_id', () => {
  it('accepts exactly 20 of 21 simultaneous requests, then accepts again after a second', async () => {
    const sb = await sandbox();
    const replies = await Promise.all(Array.from({ length: 21 }, () => post(sb, form(tags))));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(20);
    const rejected = replies.filter((r) => r.status === 429);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.body).toEqual({ status: 'Error', message: 'Too many requests', type: '429' });
    // Another app has its own window.
    expect((await post(sb, form({ ...tags, app_id: SANDBOX_APPS.readOnly }))).status).toBe(200);
    expect(sb.stats()).toMatchObject({ requests: 22, count429: 1, byApp: { [DEMO_ACCOUNT.appId]: { requests: 21, count429: 1 } } });
    await sleep(1010);
    expect((await post(sb, form(tags))).status).toBe(200);
  });

  it('rate 0 means unlimited; a custom rate is honoured', async () => {
    const unlimited = await sandbox({ rate: 0 });
    const all = await Promise.all(Array.from({ length: 30 }, () => post(unlimited, form(tags))));
    expect(all.every((r) => r.status === 200)).toBe(true);
    const slow = await sandbox({ rate: 3 });
    const some = await Promise.all(Array.from({ length: 5 }, () => post(slow, form(tags))));
    expect(some.filter((r) => r.status === 429)).toHaveLength(2);
  });
});

describe('fault injection', () => {
  it('rate429: extra 429s that are counted and change nothing', async () => {
    const sb = await sandbox({ rate: 0, faults: { rate429: 1 } });
    const email = freshEmail('f429');
    const r = await post(sb, createBody(email));
    expect(r).toEqual({ status: 429, body: { status: 'Error', message: 'Too many requests', type: '429' } });
    expect(sb.inspect.getLead({ apiKey, email })).toBeNull();
    expect(sb.stats().count429).toBe(1);
  });

  it('rate5xx: HTTP 503 before processing', async () => {
    const sb = await sandbox({ rate: 0, faults: { rate5xx: 1 } });
    const email = freshEmail('f503');
    expect((await post(sb, createBody(email))).status).toBe(503);
    expect(sb.inspect.getLead({ apiKey, email })).toBeNull();
    sb.setFaults({});
    expect((await post(sb, createBody(email))).status).toBe(200);
  });

  it('reset: the socket is destroyed, half of the time after the write was applied', async () => {
    const sb = await sandbox({ rate: 0, randomSeed: 42, faults: { reset: 1 } });
    const emails = Array.from({ length: 16 }, () => freshEmail('reset'));
    const outcomes = await Promise.all(emails.map((e) => attempt(sb, createBody(e))));
    expect(outcomes.every((o) => o === 'dropped')).toBe(true);
    const applied = emails.filter((e) => sb.inspect.getLead({ apiKey, email: e }) !== null).length;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(emails.length);
  });

  it('timeout: applied, held without an answer, then destroyed', async () => {
    const sb = await sandbox({ rate: 0, faults: { timeout: 1, timeoutHoldMs: 150 } });
    const email = freshEmail('held');
    const started = Date.now();
    expect(await attempt(sb, createBody(email))).toBe('dropped');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(sb.inspect.getLead({ apiKey, email })).not.toBeNull();
  });

  it('latencyMs delays every answer', async () => {
    const sb = await sandbox({ rate: 0, faults: { latencyMs: 120 } });
    const started = Date.now();
    expect((await post(sb, form(tags))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('the same randomSeed gives the same faults', async () => {
    const run = async () => {
      const sb = await sandbox({ rate: 0, randomSeed: 7, faults: { rate429: 0.3, rate5xx: 0.3 } });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await post(sb, form(tags))).status);
      return out;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('refuses a malformed faults object', async () => {
    const sb = await sandbox();
    expect(() => sb.setFaults({ rate5xx: 2 })).toThrow(/between 0 and 1/);
    expect(() => sb.setFaults({ latency: 5 } as never)).toThrow(/unknown fault "latency"/);
  });
});

describe('close()', () => {
  it('does not wait for held requests and closes idle keep-alive sockets', async () => {
    const sb = await startSandbox({ rate: 0, seed: false, faults: { timeout: 1, timeoutHoldMs: 30_000 } });
    const email = freshEmail('close');
    const pending = attempt(sb, createBody(email));
    for (let i = 0; i < 100 && sb.inspect.getLead({ apiKey, email }) === null; i++) await sleep(10);
    const started = Date.now();
    await sb.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('dropped');
    await expect(fetch(sb.url, { method: 'POST', body: 'x=1' })).rejects.toThrow();
  });
});

describe('/__admin endpoints', () => {
  const admin = (sb: RunningSandbox, method: string, body: object, token: string | null = sb.adminToken) =>
    fetch(sb.url.replace(/\/api$/, `/__admin/${method}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { 'x-sandbox-admin': token }) },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { ok: boolean; value?: any; error?: string } }));

  it('reject a missing or wrong token', async () => {
    const sb = await sandbox();
    expect(await admin(sb, 'stats', {}, null)).toEqual({ status: 401, body: { ok: false, error: 'missing or wrong x-sandbox-admin token' } });
    expect((await admin(sb, 'getLead', { apiKey, email: DEMO_LEAD_EMAIL }, 'guess')).status).toBe(401);
  });

  it('serve the inspector, faults, test mode and stats', async () => {
    const sb = await sandbox({ seed: true, rate: 0 });
    const lead = await admin(sb, 'getLead', { apiKey, email: DEMO_LEAD_EMAIL });
    expect(lead.body.value).toMatchObject({ email: DEMO_LEAD_EMAIL, deleted: false });
    const edited = await admin(sb, 'editLead', { apiKey, email: DEMO_LEAD_EMAIL, profile: { city: 'Houston' }, addTags: ['Churned'] });
    expect(edited.body.value.profile.city).toBe('Houston');
    expect(sb.inspect.getLead({ apiKey, email: DEMO_LEAD_EMAIL })!.tags).toContain('Churned');
    expect(await admin(sb, 'editLead', { apiKey, email: DEMO_LEAD_EMAIL, addTags: ['No such tag'] })).toEqual({
      status: 400,
      body: { ok: false, error: 'no tag "No such tag" in Demo Store' },
    });
    const listed = await admin(sb, 'listLeads', { apiKey });
    expect(listed.body.value).toHaveLength(300);
    expect((await admin(sb, 'catalog', { apiKey })).body.value.tags).toHaveLength(15);
    expect((await admin(sb, 'nope', {})).status).toBe(404);
    expect((await admin(sb, 'setFaults', { rate5xx: 5 })).status).toBe(400);
    expect((await admin(sb, 'setFaults', { rate5xx: 1 })).body.ok).toBe(true);
    expect((await post(sb, form(tags))).status).toBe(503);
    await admin(sb, 'setFaults', {});
    expect((await admin(sb, 'setTestMode', { on: true })).body).toEqual({ ok: true, value: { testMode: true } });
    const email = `adm${Date.now()}@gmail.com`;
    await post(sb, createBody(email));
    expect(sb.inspect.getLead({ apiKey, email: email.replace('gmail.com', 'kartra.com') })).not.toBeNull();
    expect((await admin(sb, 'stats', {})).body.value).toMatchObject({ requests: 2 });
    const deleted = await admin(sb, 'deleteLead', { apiKey, email: DEMO_LEAD_EMAIL });
    expect(deleted.body.value.deleted).toBe(true);
  });
});
