// Contract of chains against the sandbox's defaults (kartra-api.md §0.4 E3: later actions still run) and under Kartra
// Test Mode (§7); the other chain behaviour is in variants.contract.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KartraApiError } from '../../errors';
import { ContractConnections, freshEmail, type Connection } from './contract-target';
import { defineContractSuite } from './define-contract-suite';
import { useSandboxTarget } from './sandbox-target';

describe('sandbox defaults: a chain continues past a failing action', () => {
  defineContractSuite(useSandboxTarget(), { parts: ['chains'] });
});

describe('sandbox in Kartra Test Mode', () => {
  const target = useSandboxTarget({ testMode: true });
  let connections: ContractConnections;
  let conn: Connection;
  beforeAll(() => {
    connections = new ContractConnections(target());
    conn = connections.connect();
  });
  afterAll(() => connections.close());

  it('create_lead with a @gmail.com address stores @kartra.com; get_lead (by id and by the original address) shows the rewrite', async () => {
    const original = freshEmail('testmode', 'gmail.com');
    const rewritten = original.replace('@gmail.com', '@kartra.com');
    const { leadId, results } = await conn.client.createLead({ email: original, first_name: 'Tess' }, [{ cmd: 'assign_tag', tag_name: target().fixtures.tags[0]! }]);
    expect(results).toMatchObject([{ ok: true, kartraType: '103' }]);

    const byId = await conn.client.getLead({ id: leadId });
    expect(byId).toMatchObject({ id: leadId, email: rewritten, first_name: 'Tess', tags: [target().fixtures.tags[0]] });
    // [U] The sandbox lets a look-up by the original address find the rewritten lead.
    expect(await conn.client.getLead({ email: original })).toEqual(byId);
    expect(await conn.client.getLead({ email: rewritten })).toEqual(byId);

    const inspect = target().inspect!;
    expect(inspect.lead({ id: leadId })).toMatchObject({ email: rewritten, source: 'api' });
    expect(inspect.lead({ email: original })).toBeNull();
  });

  it('[T] a second address with the same local part on another domain collides with the rewritten one (244)', async () => {
    const first = freshEmail('collide', 'gmail.com');
    await conn.client.createLead({ email: first });
    const error = await conn.client.createLead({ email: first.replace('@gmail.com', '@yahoo.com') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KartraApiError);
    expect(error).toMatchObject({ type: '244', cmd: 'create_lead' });
  });

  it('[U] edit_lead new_email is rewritten too, and the lead answers to both forms of the new address', async () => {
    const { leadId } = await conn.client.createLead({ email: freshEmail('renamed', 'gmail.com') });
    const next = freshEmail('renamed-to', 'outlook.com');
    const edited = await conn.client.editLead({ id: leadId }, { new_email: next });
    expect(edited.leadId).toBe(leadId);
    const rewritten = next.replace('@outlook.com', '@kartra.com');
    const lead = await conn.client.getLead({ email: next });
    expect(lead).toMatchObject({ id: leadId, email: rewritten });
    expect(await conn.client.getLead({ email: rewritten })).toEqual(lead);
    expect(target().inspect!.lead({ id: leadId })?.email).toBe(rewritten);
  });
});
