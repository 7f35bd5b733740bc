// Contract of chained calls: with a failing action in the middle, the client reports each action exactly as the server applied it, in either chain-failure mode.
import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../../../shared/domain/actions';
import { UNKNOWN_MESSAGE } from '../../decode-chain';
import { KartraApiError } from '../../errors';
import { freshEmail, useContractClient, type ContractTarget } from './contract-target';

const message = expect.stringMatching(/\S/);

export function describeChains(target: () => ContractTarget): void {
  describe('chained calls with a failing action', () => {
    const client = useContractClient(target);

    /**
     * An action after the failing one: 'stop' → unreported, so unknown (§0.4 E4); 'continue' → run and reported with its type.
     * A target whose mode is unknown may do either, but the result must then match the state (checked by callers).
     */
    function expectAfterFailure(result: ActionResult | undefined, cmd: string, type: string): void {
      const notRun = { cmd, ok: false, unknown: true, message: UNKNOWN_MESSAGE };
      const ran = { cmd, ok: true, message, kartraType: type };
      const mode = target().chainFailure;
      if (mode === 'stop') expect(result).toEqual(notRun);
      else if (mode === 'continue') expect(result).toEqual(ran);
      else expect(result).toEqual(result?.ok ? ran : notRun);
    }

    it('create_lead + tag + unknown tag + list: the lead and the first tag exist, the failure is named, the list follows the mode', async () => {
      const fx = target().fixtures;
      const email = freshEmail('chain-create');
      const { leadId, results } = await client().createLead({ email, first_name: 'Chain' }, [
        { cmd: 'assign_tag', tag_name: fx.tags[0]! },
        { cmd: 'assign_tag', tag_name: 'No Such Tag 9' },
        { cmd: 'subscribe_lead_to_list', list_name: fx.lists[0]! },
      ]);
      expect(leadId).toMatch(/^\d+$/);
      expect(results).toHaveLength(3);
      expect(results[0]).toEqual({ cmd: 'assign_tag', ok: true, message, kartraType: '103' });
      expect(results[1]).toEqual({ cmd: 'assign_tag', ok: false, message, kartraType: '212' });
      expectAfterFailure(results[2], 'subscribe_lead_to_list', '101');

      const listed = results[2]!.ok;
      const lead = await client().getLead({ id: leadId });
      expect(lead).toMatchObject({ email, first_name: 'Chain', tags: [fx.tags[0]] });
      expect(lead.lists.some((l) => l.list_name === fx.lists[0] && l.active)).toBe(listed);
      const stored = target().inspect?.lead({ id: leadId });
      if (stored) {
        expect(stored.tags).toEqual([fx.tags[0]]);
        expect(stored.lists).toEqual(listed ? [{ name: fx.lists[0], active: true }] : []);
      }
    });

    it('actions on an existing lead by email (sent bare): points, unknown sequence, tag, unknown tag to remove', async () => {
      const fx = target().fixtures;
      const email = freshEmail('chain-actions');
      const { leadId } = await client().createLead({ email });
      const { leadId: anchored, results } = await client().runActions({ email }, [
        { cmd: 'give_points_to_lead', points: 5 },
        { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'No Such Sequence 9', step: '1' },
        { cmd: 'assign_tag', tag_name: fx.tags[1]! },
        { cmd: 'unassign_tag', tag_name: 'No Such Tag 9' },
      ]);
      expect(anchored).toBe(leadId);
      expect(results[0]).toEqual({ cmd: 'give_points_to_lead', ok: true, message, kartraType: '105' });
      expect(results[1]).toEqual({ cmd: 'subscribe_lead_to_sequence_at_step', ok: false, message, kartraType: '219' });
      expectAfterFailure(results[2], 'assign_tag', '103');
      // The second failure: not run after a stop; its own error when the chain continues.
      if (target().chainFailure === 'stop') expect(results[3]).toEqual({ cmd: 'unassign_tag', ok: false, unknown: true, message: UNKNOWN_MESSAGE });
      if (target().chainFailure === 'continue') expect(results[3]).toEqual({ cmd: 'unassign_tag', ok: false, message, kartraType: '214' });

      const lead = await client().getLead({ id: leadId });
      expect(lead.score).toBe(5);
      expect(lead.sequences).toEqual([]);
      expect(lead.tags).toEqual(results[2]!.ok ? [fx.tags[1]] : []);
      const stored = target().inspect?.lead({ id: leadId });
      if (stored) expect(stored).toMatchObject({ score: 5, sequences: [], tags: results[2]!.ok ? [fx.tags[1]] : [] });
    });

    it('edit_lead + list + unknown tag to remove + points: the edit and the list hold, the points follow the mode', async () => {
      const fx = target().fixtures;
      const { leadId } = await client().createLead({ email: freshEmail('chain-edit'), city: 'Milan' });
      const { results } = await client().editLead({ id: leadId }, { city: 'Turin' }, [
        { cmd: 'subscribe_lead_to_list', list_name: fx.lists[1]! },
        { cmd: 'unassign_tag', tag_name: 'No Such Tag 9' },
        { cmd: 'give_points_to_lead', points: 3 },
      ]);
      expect(results[0]).toEqual({ cmd: 'subscribe_lead_to_list', ok: true, message, kartraType: '101' });
      expect(results[1]).toEqual({ cmd: 'unassign_tag', ok: false, message, kartraType: '214' });
      expectAfterFailure(results[2], 'give_points_to_lead', '105');
      const lead = await client().getLead({ id: leadId });
      expect(lead).toMatchObject({ city: 'Turin', score: results[2]!.ok ? 3 : 0, lists: [{ list_name: fx.lists[1], active: true }] });
      const stored = target().inspect?.lead({ id: leadId });
      if (stored) expect(stored).toMatchObject({ profile: { city: 'Turin' }, score: results[2]!.ok ? 3 : 0 });
    });

    it('a failing first action (create_lead of an existing email) throws and applies none of the chain', async () => {
      const fx = target().fixtures;
      const email = freshEmail('chain-first');
      const { leadId } = await client().createLead({ email });
      const error = await client()
        .createLead({ email, first_name: 'Twice' }, [{ cmd: 'assign_tag', tag_name: fx.tags[0]! }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KartraApiError);
      expect(error).toMatchObject({ type: '244', cmd: 'create_lead' });
      const lead = await client().getLead({ id: leadId });
      expect(lead).toMatchObject({ first_name: '', tags: [] });
    });

    it('a chain where every action succeeds reports each one with its own type', async () => {
      const fx = target().fixtures;
      const { leadId } = await client().createLead({ email: freshEmail('chain-ok') });
      const { results } = await client().runActions({ id: leadId }, [
        { cmd: 'assign_tag', tag_name: fx.tags[0]! },
        { cmd: 'subscribe_lead_to_list', list_name: fx.lists[0]! },
        { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: fx.sequence.name, step: fx.sequence.steps[1]! },
        { cmd: 'give_points_to_lead', points: 7 },
      ]);
      expect(results.map((r) => [r.cmd, r.ok, r.kartraType])).toEqual([
        ['assign_tag', true, '103'],
        ['subscribe_lead_to_list', true, '101'],
        ['subscribe_lead_to_sequence_at_step', true, '107'],
        ['give_points_to_lead', true, '105'],
      ]);
      const stored = target().inspect?.lead({ id: leadId });
      if (stored) {
        expect(stored).toMatchObject({
          tags: [fx.tags[0]],
          lists: [{ name: fx.lists[0], active: true }],
          sequences: [{ name: fx.sequence.name, step: fx.sequence.steps[1], status: 'active' }],
          score: 7,
        });
      }
    });
  });
}
