// Contract of the lead commands: create/edit/search/get and every lead action, checked on the client's typed result and on the server's own state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lead } from '../../../../../shared/domain/lead';
import type { SandboxLeadState } from '../../../sandbox';
import { ContractConnections, freshEmail, type Connection, type ContractTarget } from './contract-target';

/** Option ids chosen for a custom field on a normalised lead (sorted), or its text. */
export function fieldValue(lead: Lead, identifier: string): string | string[] | undefined {
  const field = lead.custom_fields.find((f) => f.field_identifier === identifier);
  if (!field) return undefined;
  return typeof field.value === 'string' ? field.value : field.value.map((o) => o.option_id).sort();
}

const sorted = (values: readonly string[]) => [...values].sort();
/** Any non-blank message: wording differs between Kartra's doc generations, the type code does not. */
const message = expect.stringMatching(/\S/);

/** The client's normalised lead says exactly what the server stores. */
export function expectLeadMatchesState(lead: Lead, state: SandboxLeadState): void {
  expect(lead).toMatchObject({ id: state.id, email: state.email, score: state.score, source: state.source, date_joined: state.dateJoined });
  for (const [field, value] of Object.entries(state.profile)) {
    if (field in lead) expect(lead[field as keyof Lead], field).toBe(value);
  }
  expect(sorted(lead.tags)).toEqual(sorted(state.tags));
  expect(lead.lists).toEqual(state.lists.map((l) => ({ list_name: l.name, active: l.active })));
  expect(lead.sequences).toEqual(state.sequences.map((s) => ({ sequence_name: s.name, step: s.step, status: s.status })));
  expect(lead.memberships).toEqual(state.memberships.map((m) => ({ name: m.name, level_name: m.level, active: m.active })));
  for (const [identifier, value] of Object.entries(state.customFields)) {
    expect(fieldValue(lead, identifier), identifier).toEqual(typeof value === 'string' ? value : sorted(value));
  }
}

export function describeLeadCommands(target: () => ContractTarget): void {
  describe('lead commands', () => {
    let connections: ContractConnections;
    let conn: Connection;
    /** A lead made for the action tests, addressed by id (the single-action shape of Kartra's command pages). */
    let subject: { id: string; email: string };
    const client = () => conn.client;
    const state = (ref: { id?: string; email?: string }) => target().inspect?.lead(ref);

    beforeAll(async () => {
      connections = new ContractConnections(target());
      conn = connections.connect();
      const email = freshEmail('subject');
      subject = { id: (await client().createLead({ email, first_name: 'Subject' })).leadId, email };
    });
    afterAll(() => connections.close());

    it('E9: a text area over 365 characters is cut to 365 (or refused, where the target refuses)', async (ctx) => {
      const { fixtures: fx, textArea: mode } = target();
      if (!fx.fields.textArea) return ctx.skip();
      const email = freshEmail('textarea');
      const long = `${'Notes from the call. '.repeat(19)}END`; // 402 characters
      const create = client().createLead({ email, custom_fields: [{ field_identifier: fx.fields.textArea, field_value: long }] });
      if (mode === 'refuse') {
        await expect(create).rejects.toMatchObject({ cmd: 'create_lead', type: '292' });
        return;
      }
      const { leadId } = await create;
      const kept = fieldValue(await client().getLead({ id: leadId }), fx.fields.textArea);
      if (mode === 'cut') expect(kept).toBe(long.slice(0, 365));
      else expect([long, long.slice(0, 365)]).toContain(kept);
    });

    it('create_lead: profile, every custom field kind and a chained tag + list, on a new lead', async () => {
      const { fixtures: fx } = target();
      const email = freshEmail('create');
      const [tag] = fx.tags;
      const [list] = fx.lists;
      const drop = fx.fields.dropDown.optionIds[1]!;
      const boxes = fx.fields.checkbox.optionIds.slice(0, 2);
      const result = await client().createLead(
        {
          email,
          first_name: 'Ada',
          last_name: 'Lovelace',
          city: 'London',
          lead_preferred_time_zone: 'Europe/London',
          custom_fields: [
            { field_identifier: fx.fields.text, field_value: 'Analyst' },
            { field_identifier: fx.fields.dropDown.identifier, field_value: drop },
            { field_identifier: fx.fields.checkbox.identifier, field_value: boxes },
          ],
        },
        [
          { cmd: 'assign_tag', tag_name: tag! },
          { cmd: 'subscribe_lead_to_list', list_name: list! },
        ],
      );
      expect(result.leadId).toMatch(/^\d+$/);
      expect(result.results).toEqual([
        { cmd: 'assign_tag', ok: true, message, kartraType: '103' },
        { cmd: 'subscribe_lead_to_list', ok: true, message, kartraType: '101' },
      ]);
      const stored = state({ id: result.leadId });
      if (stored) {
        expect(stored).toMatchObject({
          email,
          deleted: false,
          source: 'api',
          score: 0,
          tags: [tag],
          lists: [{ name: list, active: true }],
          profile: { first_name: 'Ada', last_name: 'Lovelace', city: 'London', lead_preferred_time_zone: 'Europe/London' },
        });
        expect(stored.customFields[fx.fields.text]).toBe('Analyst');
        expect(stored.customFields[fx.fields.dropDown.identifier]).toEqual([drop]);
        expect(sorted(stored.customFields[fx.fields.checkbox.identifier] as string[])).toEqual(sorted(boxes));
      }
      // Read back through the client: the same lead by id and by email.
      const byId = await client().getLead({ id: result.leadId });
      const byEmail = await client().getLead({ email });
      expect(byEmail).toEqual(byId);
      expect(byId).toMatchObject({ id: result.leadId, email, first_name: 'Ada', city: 'London', source: 'api', tags: [tag], lists: [{ list_name: list, active: true }] });
      expect(fieldValue(byId, fx.fields.text)).toBe('Analyst');
      expect(fieldValue(byId, fx.fields.dropDown.identifier)).toEqual([drop]);
      expect(fieldValue(byId, fx.fields.checkbox.identifier)).toEqual(sorted(boxes));
    });

    it('edit_lead: new_email, fields overwritten or cleared, untouched fields kept, chained tag; by id and by email', async () => {
      const { fixtures: fx } = target();
      const email = freshEmail('edit');
      const { leadId } = await client().createLead({
        email,
        first_name: 'Grace',
        city: 'Arlington',
        custom_fields: [{ field_identifier: fx.fields.text, field_value: 'Admiral' }],
      });
      const newEmail = freshEmail('edited');
      const edited = await client().editLead(
        { id: leadId },
        { new_email: newEmail, last_name: 'Hopper', custom_fields: [{ field_identifier: fx.fields.text, field_value: '' }] },
        [{ cmd: 'assign_tag', tag_name: fx.tags[1]! }],
      );
      expect(edited).toEqual({ leadId, head: expect.objectContaining({ cmd: 'edit_lead', ok: true }), results: [{ cmd: 'assign_tag', ok: true, message, kartraType: '103' }] });
      const after = state({ id: leadId });
      if (after) {
        expect(after).toMatchObject({ email: newEmail, profile: { first_name: 'Grace', last_name: 'Hopper', city: 'Arlington' }, tags: [fx.tags[1]] });
        expect(after.customFields[fx.fields.text]).toBe('');
      }
      expect(await client().searchLead({ email })).toBeNull();
      expect(await client().searchLead({ email: newEmail })).toEqual({ id: leadId });

      const byEmail = await client().editLead({ email: newEmail }, { city: 'Paris' });
      expect(byEmail).toEqual({ leadId, head: expect.objectContaining({ cmd: 'edit_lead', ok: true }), results: [] });
      const lead = await client().getLead({ id: leadId });
      expect(lead).toMatchObject({ email: newEmail, first_name: 'Grace', last_name: 'Hopper', city: 'Paris' });
      expect(fieldValue(lead, fx.fields.text)).toBe('');
    });

    it('search_lead: by email and by id; an unknown lead is null', async () => {
      expect(await client().searchLead({ email: subject.email })).toEqual({ id: subject.id });
      expect(await client().searchLead({ id: subject.id })).toEqual({ id: subject.id });
      expect(await client().searchLead({ email: freshEmail('nobody') })).toBeNull();
    });

    it('get_lead: by email and by id, the normalised lead is exactly what the server stores (a seeded lead with every relation)', async () => {
      const { email, id } = target().fixtures.payments.leadWithPayments;
      const byEmail = await client().getLead({ email });
      const byId = await client().getLead({ id });
      expect(byId).toEqual(byEmail);
      expect(byId.id).toBe(id);
      const stored = state({ id });
      if (stored) expectLeadMatchesState(byId, stored);
    });

    it('subscribe_lead_to_list / unsubscribe_lead_from_list', async () => {
      const list = target().fixtures.lists[1]!;
      const ref = { id: subject.id };
      expect(await client().subscribeToList(ref, list)).toEqual({ cmd: 'subscribe_lead_to_list', ok: true, message, kartraType: '101' });
      if (state(ref)) expect(state(ref)!.lists).toContainEqual({ name: list, active: true });
      expect((await client().getLead(ref)).lists).toContainEqual({ list_name: list, active: true });
      expect(await client().unsubscribeFromList(ref, list)).toEqual({ cmd: 'unsubscribe_lead_from_list', ok: true, message, kartraType: '101' });
      // An unsubscribed list stays on the lead with active 0 ([T]).
      if (state(ref)) expect(state(ref)!.lists).toContainEqual({ name: list, active: false });
      expect((await client().getLead(ref)).lists.some((l) => l.list_name === list && l.active)).toBe(false);
    });

    it('assign_tag / unassign_tag (by id and by email)', async () => {
      const tag = target().fixtures.tags[2]!;
      expect(await client().assignTag({ id: subject.id }, tag)).toEqual({ cmd: 'assign_tag', ok: true, message, kartraType: '103' });
      if (state({ id: subject.id })) expect(state({ id: subject.id })!.tags).toContain(tag);
      expect((await client().getLead({ id: subject.id })).tags).toContain(tag);
      expect(await client().unassignTag({ email: subject.email }, tag)).toEqual({ cmd: 'unassign_tag', ok: true, message, kartraType: '104' });
      if (state({ id: subject.id })) expect(state({ id: subject.id })!.tags).not.toContain(tag);
      expect((await client().getLead({ id: subject.id })).tags).not.toContain(tag);
    });

    it('give_points_to_lead (with and without expiration) / remove_points_from_lead move the score', async () => {
      const ref = { id: subject.id };
      const before = (await client().getLead(ref)).score;
      expect(await client().givePoints(ref, 10)).toEqual({ cmd: 'give_points_to_lead', ok: true, message, kartraType: '105' });
      expect(await client().givePoints(ref, 5, 30)).toEqual({ cmd: 'give_points_to_lead', ok: true, message, kartraType: '105' });
      expect(await client().removePoints(ref, 4)).toEqual({ cmd: 'remove_points_from_lead', ok: true, message, kartraType: '106' });
      expect((await client().getLead(ref)).score).toBe(before + 11);
      if (state(ref)) expect(state(ref)!.score).toBe(before + 11);
    });

    it('subscribe_lead_to_sequence_at_step (and again at another step) / unsubscribe_lead_from_sequence', async () => {
      const { name, steps } = target().fixtures.sequence;
      const ref = { id: subject.id };
      expect(await client().subscribeToSequence(ref, name, steps[0]!)).toEqual({ cmd: 'subscribe_lead_to_sequence_at_step', ok: true, message, kartraType: '107' });
      if (state(ref)) expect(state(ref)!.sequences).toContainEqual({ name, step: steps[0], status: 'active' });
      await client().subscribeToSequence(ref, name, steps[1]!);
      expect((await client().getLead(ref)).sequences).toContainEqual({ sequence_name: name, step: steps[1], status: 'active' });
      // [U] Kartra documents no success type for the unsubscribe: only ok and a message are part of the contract.
      expect(await client().unsubscribeFromSequence(ref, name)).toMatchObject({ cmd: 'unsubscribe_lead_from_sequence', ok: true, message });
      if (state(ref)) expect(state(ref)!.sequences).toContainEqual({ name, step: steps[1], status: 'unsubscribed' });
      expect((await client().getLead(ref)).sequences.some((s) => s.sequence_name === name && s.status === 'active')).toBe(false);
    });

    it('calendar_subscribe (with a date and hour) / calendar_cancel', async () => {
      const { name, classes } = target().fixtures.calendar;
      const ref = { id: subject.id };
      const booking = { calendar_name: name, class_name: classes[0]!, starting_date: '16 Jan 2099', starting_hour: '15:00' };
      expect(await client().calendarSubscribe(ref, booking)).toEqual({ cmd: 'calendar_subscribe', ok: true, message, kartraType: '112' });
      const booked = state(ref)?.calendars.find((c) => c.calendar === name && c.className === classes[0]);
      if (state(ref)) expect(booked).toMatchObject({ status: 'active', startsAt: '2099-01-16 15:00:00' });
      expect(await client().calendarCancel(ref, { calendar_name: name, class_name: classes[0]! })).toEqual({ cmd: 'calendar_cancel', ok: true, message, kartraType: '113' });
      const cancelled = state(ref)?.calendars.find((c) => c.calendar === name && c.className === classes[0]);
      if (state(ref)) expect(cancelled?.status).toBe('cancelled');
    });
  });
}
