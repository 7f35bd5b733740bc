// Error-table rows for the global checks (kartra-api.md §4), the lead commands (§9), lead actions (§10) and custom fields (§10.11).
import { expect } from 'vitest';
import type { LeadAction } from '../../../../../shared/domain/actions';
import type { LeadRef } from '../../../../../shared/domain/lead';
import type { CreateCustomFieldInput } from '../../commands-account';
import type { CreateLeadInput } from '../../lead-input';
import { needsAuth, onAccount, onLead, type ErrorCase, type ErrorContext } from './error-case';

const fx = (c: ErrorContext) => c.target.fixtures;
const client = (c: ErrorContext) => c.conn.client;
const ref = (c: ErrorContext): LeadRef => ({ id: c.lead.id });
const tag = (c: ErrorContext) => fx(c).tags[0]!;
const seq = (c: ErrorContext) => fx(c).sequence;
const cal = (c: ErrorContext) => fx(c).calendar;
let fieldCounter = 0;
const newIdentifier = () => `contract_err_${Date.now().toString(36)}_${fieldCounter++}`;
const needsDeleted = (t: { fixtures: { deletedLeadEmail?: string } }) => (t.fixtures.deletedLeadEmail ? null : 'the target has no deleted lead');
const deleted = (c: ErrorContext) => fx(c).deletedLeadEmail!;

export const GLOBAL_CASES: ErrorCase[] = [
  {
    code: '201', cmd: 'retrieve_account_tags', app: 'auth_failed', how: 'a call over plain http', requires: needsAuth('insecureUrl'),
    run: (c) => c.probe({ url: c.target.auth.insecureUrl! }).client.retrieveAccountTags(),
    // The client itself never sends credentials over plain http to anything but loopback.
    refusal: async (c) => c.probe({ url: 'http://app.kartra.com/api' }),
  },
  { code: '202', cmd: 'retrieve_account_tags', app: 'auth_failed', how: 'an empty api_key', run: (c) => c.probe({ apiKey: '' }).client.retrieveAccountTags() },
  { code: '203', cmd: 'retrieve_account_tags', app: 'auth_failed', how: 'an unknown api_key', run: (c) => c.probe({ apiKey: 'not-a-real-key' }).client.retrieveAccountTags() },
  {
    code: '233', cmd: 'retrieve_account_tags', app: 'auth_failed', how: 'a wrong api_password for a known key',
    run: (c) => c.probe({ apiPassword: 'not-the-password' }).client.retrieveAccountTags(),
  },
  {
    code: '204', cmd: 'retrieve_account_tags', app: 'auth_failed', how: "the App user's account is inactive", requires: needsAuth('inactiveAccount'),
    run: (c) => c.probe(c.target.auth.inactiveAccount!).client.retrieveAccountTags(),
  },
  { code: '238', cmd: 'retrieve_account_tags', app: 'auth_failed', how: 'an empty app_id', run: (c) => c.probe({ appId: '' }).client.retrieveAccountTags() },
  { code: '239', cmd: 'retrieve_account_tags', app: 'auth_failed', how: 'an unknown app_id', run: (c) => c.probe({ appId: 'NOSUCHAPP9' }).client.retrieveAccountTags() },
  {
    code: '240', cmd: 'retrieve_account_tags', app: 'auth_failed', how: "the developer's account is inactive", requires: needsAuth('inactiveAppId'),
    run: (c) => c.probe({ appId: c.target.auth.inactiveAppId! }).client.retrieveAccountTags(),
  },
  {
    code: '242', cmd: 'retrieve_account_tags', app: 'auth_failed', how: 'an app whose IP allow-list excludes this machine', requires: needsAuth('ipRestrictedAppId'),
    run: (c) => c.probe({ appId: c.target.auth.ipRestrictedAppId! }).client.retrieveAccountTags(),
  },
  {
    code: '262', cmd: 'assign_tag', app: 'auth_failed', how: 'a write by an app only allowed to read', requires: needsAuth('readOnlyAppId'),
    run: (c) => c.probe({ appId: c.target.auth.readOnlyAppId! }).client.assignTag(ref(c), tag(c)),
    // The same app may still read.
    also: async (c) => expect(await c.probe({ appId: c.target.auth.readOnlyAppId! }).client.searchLead(ref(c))).toEqual({ id: c.lead.id }),
  },
  {
    code: '254', cmd: 'assign_tag', app: 'kartra_error', how: 'an action without cmd',
    run: (c) => c.raw({ lead: { id: c.lead.id }, actions: [{ tag_name: tag(c) }] }, 'assign_tag'),
    refusal: (c) => client(c).runActions(ref(c), [{ tag_name: tag(c) } as unknown as LeadAction]),
  },
  {
    code: '206', cmd: 'assign_tag', app: 'kartra_error', how: 'a lead action with neither lead[id] nor lead[email]',
    run: (c) => c.raw({ actions: [{ cmd: 'assign_tag', tag_name: tag(c) }] }, 'assign_tag'),
    refusal: (c) => client(c).assignTag({} as LeadRef, tag(c)),
  },
  {
    code: '206', cmd: 'create_lead', app: 'kartra_error', how: 'create_lead without an email',
    run: (c) => c.raw({ lead: { first_name: 'Nomail' }, actions: [{ cmd: 'create_lead' }] }, 'create_lead'),
    refusal: (c) => client(c).createLead({ first_name: 'Nomail' } as unknown as CreateLeadInput),
  },
  {
    code: '223', cmd: 'search_lead', app: 'kartra_error', how: '`lead` sent as a scalar',
    run: (c) => c.raw({ lead: c.lead.email, actions: [{ cmd: 'search_lead' }] }, 'search_lead'),
    refusal: (c) => client(c).searchLead(c.lead.email as unknown as LeadRef),
  },
  {
    code: '236', cmd: 'get_lead', app: 'kartra_error', how: '`get_lead` sent as a scalar',
    run: (c) => c.raw({ get_lead: c.lead.email }, 'get_lead'),
    refusal: (c) => client(c).getLead(c.lead.email as unknown as LeadRef),
  },
  // No refusal: the client's commands always build `actions` as a list; only a raw body can get this wrong.
  { code: '224', cmd: 'retrieve_account_tags', app: 'kartra_error', how: '`actions` sent as a scalar', run: (c) => c.raw({ actions: 'retrieve_account_tags' }, 'retrieve_account_tags') },
];

export const LEAD_CASES: ErrorCase[] = [
  { code: '243', cmd: 'edit_lead', app: 'not_found', how: 'editing an unknown lead', run: (c) => client(c).editLead({ email: c.nobody }, { city: 'Nowhere' }) },
  {
    code: '243', cmd: 'search_lead', app: 'not_found', how: 'searching an unknown lead',
    run: (c) => c.raw({ lead: { email: c.nobody }, actions: [{ cmd: 'search_lead' }] }, 'search_lead'),
    // The client's searchLead answers "no such lead" with null rather than an error.
    also: async (c) => expect(await client(c).searchLead({ email: c.nobody })).toBeNull(),
  },
  { code: '243', cmd: 'assign_tag', app: 'not_found', how: '[U] a lead action on an id no lead has', run: (c) => client(c).assignTag({ id: '999999999' }, tag(c)) },
  { code: '234', cmd: 'get_lead', app: 'not_found', how: 'get_lead of an unknown lead', run: (c) => client(c).getLead({ email: c.nobody }) },
  { code: '244', cmd: 'create_lead', app: 'already_exists', how: 'creating a lead whose email exists', run: (c) => client(c).createLead({ email: c.lead.email }) },
  {
    code: '244', cmd: 'edit_lead', app: 'already_exists', how: "new_email already used by another lead",
    run: (c) => client(c).editLead(ref(c), { new_email: c.otherLead.email }),
  },
  { code: '245', cmd: 'create_lead', app: 'conflict', how: "creating a lead with a deleted lead's email", requires: needsDeleted, run: (c) => client(c).createLead({ email: deleted(c) }) },
  { code: '245', cmd: 'edit_lead', app: 'conflict', how: 'editing a deleted lead', requires: needsDeleted, run: (c) => client(c).editLead({ email: deleted(c) }, { city: 'Gone' }) },
  { code: '245', cmd: 'search_lead', app: 'conflict', how: 'searching a deleted lead', requires: needsDeleted, run: (c) => client(c).searchLead({ email: deleted(c) }) },
  { code: '245', cmd: 'get_lead', app: 'conflict', how: 'get_lead of a deleted lead', requires: needsDeleted, run: (c) => client(c).getLead({ email: deleted(c) }) },
  {
    code: '271', cmd: 'create_lead', app: 'kartra_error', how: 'a drop-down value that is no option id of the field',
    run: (c) => client(c).createLead({ email: c.nobody, custom_fields: [{ field_identifier: fx(c).fields.dropDown.identifier, field_value: '999999' }] }),
  },
  {
    code: '271', cmd: 'edit_lead', app: 'kartra_error', how: 'a checkbox value that is no list of option ids',
    run: (c) => client(c).editLead(ref(c), { custom_fields: [{ field_identifier: fx(c).fields.checkbox.identifier, field_value: 'not-an-option' }] }),
  },
];

export const ACTION_CASES: ErrorCase[] = [
  ...emptyAndMissing('subscribe_lead_to_list', '207', '231', 'list_name', (c, name) => client(c).subscribeToList(ref(c), name)),
  ...emptyAndMissing('unsubscribe_lead_from_list', '208', '209', 'list_name', (c, name) => client(c).unsubscribeFromList(ref(c), name)),
  ...emptyAndMissing('assign_tag', '211', '212', 'tag_name', (c, name) => client(c).assignTag(ref(c), name)),
  ...emptyAndMissing('unassign_tag', '213', '214', 'tag_name', (c, name) => client(c).unassignTag(ref(c), name)),
  ...points('give_points_to_lead', '215', '227', (c, n) => client(c).givePoints(ref(c), n)),
  ...points('remove_points_from_lead', '217', '228', (c, n) => client(c).removePoints(ref(c), n)),
  {
    code: '226', cmd: 'subscribe_lead_to_sequence_at_step', app: 'kartra_error', how: 'an empty sequence_name',
    run: (c) => onLead(c, { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: '', step: seq(c).steps[0]! }),
    refusal: (c) => client(c).subscribeToSequence(ref(c), '', seq(c).steps[0]!),
  },
  {
    code: '225', cmd: 'subscribe_lead_to_sequence_at_step', app: 'kartra_error', how: 'an empty step',
    run: (c) => onLead(c, { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: seq(c).name, step: '' }),
    refusal: (c) => client(c).subscribeToSequence(ref(c), seq(c).name, ''),
  },
  {
    code: '219', cmd: 'subscribe_lead_to_sequence_at_step', app: 'kartra_error', how: 'an unknown sequence',
    run: (c) => client(c).subscribeToSequence(ref(c), 'No Such Sequence', '1'),
  },
  {
    code: '229', cmd: 'subscribe_lead_to_sequence_at_step', app: 'kartra_error', how: 'a step that is not alphanumeric',
    run: (c) => onLead(c, { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: seq(c).name, step: '1-b' }),
    refusal: (c) => client(c).subscribeToSequence(ref(c), seq(c).name, '1-b'),
  },
  { code: '230', cmd: 'subscribe_lead_to_sequence_at_step', app: 'kartra_error', how: 'a step the sequence does not have', run: (c) => client(c).subscribeToSequence(ref(c), seq(c).name, '999') },
  {
    code: '226', cmd: 'unsubscribe_lead_from_sequence', app: 'kartra_error', how: 'an empty sequence_name',
    run: (c) => onLead(c, { cmd: 'unsubscribe_lead_from_sequence', sequence_name: '' }),
    refusal: (c) => client(c).unsubscribeFromSequence(ref(c), ''),
  },
  { code: '220', cmd: 'unsubscribe_lead_from_sequence', app: 'kartra_error', how: 'an unknown sequence', run: (c) => client(c).unsubscribeFromSequence(ref(c), 'No Such Sequence') },
  ...calendarCases('calendar_subscribe'),
  ...calendarCases('calendar_cancel'),
  {
    code: '257', cmd: 'calendar_subscribe', app: 'kartra_error', how: 'a calendar that is not complete',
    requires: (t) => (t.fixtures.incompleteCalendar ? null : 'the target has no incomplete calendar'),
    run: (c) => client(c).calendarSubscribe(ref(c), { calendar_name: fx(c).incompleteCalendar!, class_name: cal(c).classes[0]! }),
  },
  {
    code: '260', cmd: 'calendar_subscribe', app: 'kartra_error', how: 'a date that does not exist (31 Feb)',
    run: (c) => client(c).calendarSubscribe(ref(c), { calendar_name: cal(c).name, class_name: cal(c).classes[0]!, starting_date: '31 Feb 2099', starting_hour: '10:00' }),
  },
  {
    code: '260', cmd: 'calendar_subscribe', app: 'kartra_error', how: 'an hour that does not exist (25:00)',
    run: (c) => client(c).calendarSubscribe(ref(c), { calendar_name: cal(c).name, class_name: cal(c).classes[0]!, starting_date: '16 Jan 2099', starting_hour: '25:00' }),
  },
  {
    code: '261', cmd: 'calendar_subscribe', app: 'kartra_error', how: 'a date in the past',
    run: (c) => client(c).calendarSubscribe(ref(c), { calendar_name: cal(c).name, class_name: cal(c).classes[0]!, starting_date: '16 Jan 2019', starting_hour: '15:00' }),
  },
  {
    code: '259', cmd: 'calendar_cancel', app: 'kartra_error', how: 'cancelling a class the lead is not booked into',
    run: (c) => client(c).calendarCancel(ref(c), { calendar_name: cal(c).name, class_name: cal(c).classes[0]! }),
  },
];

export const CUSTOM_FIELD_CASES: ErrorCase[] = [
  fieldCase('265', 'an empty identifier', () => ({ custom_field_identifier: '', custom_field_type: 'input_field' })),
  fieldCase('263', 'an identifier with spaces', () => ({ custom_field_identifier: 'has spaces', custom_field_type: 'input_field' })),
  {
    code: '264', cmd: 'create_custom_field', app: 'kartra_error', how: 'an identifier that exists',
    run: (c) => client(c).createCustomField({ custom_field_identifier: fx(c).fields.text, custom_field_type: 'input_field' }),
  },
  fieldCase('269', 'an unknown field type', () => ({ custom_field_identifier: newIdentifier(), custom_field_type: 'colour_picker' })),
  fieldCase('270', 'options sent as a scalar', () => ({ custom_field_identifier: newIdentifier(), custom_field_type: 'drop_down', custom_field_options: 'blue' })),
  fieldCase(
    '272', 'an option without a name',
    () => ({ custom_field_identifier: newIdentifier(), custom_field_type: 'drop_down', custom_field_options: ['', 'brown'] }),
  ),
  fieldCase('273', 'a single option', () => ({ custom_field_identifier: newIdentifier(), custom_field_type: 'radio_button', custom_field_options: ['only'] })),
];

/** One create_custom_field row: the raw body, and (refused) the same input through the client. */
function fieldCase(code: string, how: string, input: () => { custom_field_options?: string[] | string } & Record<string, unknown>): ErrorCase {
  const wire = (value: ReturnType<typeof input>) => ({
    cmd: 'create_custom_field',
    ...value,
    custom_field_options: Array.isArray(value.custom_field_options) ? value.custom_field_options.map((option_name) => ({ option_name })) : value.custom_field_options,
  });
  return {
    code, cmd: 'create_custom_field', app: 'kartra_error', how,
    run: (c) => onAccount(c, wire(input())),
    refusal: (c) => client(c).createCustomField(input() as unknown as CreateCustomFieldInput),
  };
}

/** "<name> cannot be empty" (raw; the client refuses it) and "<name> does not exist" (through the client). */
function emptyAndMissing(cmd: string, empty: string, missing: string, param: string, send: (c: ErrorContext, name: string) => Promise<unknown>): ErrorCase[] {
  return [
    { code: empty, cmd, app: 'kartra_error', how: `an empty ${param}`, run: (c) => onLead(c, { cmd, [param]: '' }), refusal: (c) => send(c, '') },
    { code: missing, cmd, app: 'kartra_error', how: `a ${param} the account does not have`, run: (c) => send(c, `No Such ${param} 9`) },
  ];
}

function points(cmd: string, empty: string, notNumber: string, send: (c: ErrorContext, n: number) => Promise<unknown>): ErrorCase[] {
  return [
    { code: empty, cmd, app: 'kartra_error', how: 'empty points', run: (c) => onLead(c, { cmd, points: '' }), refusal: (c) => send(c, Number.NaN) },
    { code: notNumber, cmd, app: 'kartra_error', how: 'points that are not a number', run: (c) => onLead(c, { cmd, points: 'ten' }), refusal: (c) => send(c, 2.5) },
  ];
}

function calendarCases(cmd: 'calendar_subscribe' | 'calendar_cancel'): ErrorCase[] {
  const send = (c: ErrorContext, calendar_name: string, class_name: string) =>
    cmd === 'calendar_subscribe' ? client(c).calendarSubscribe(ref(c), { calendar_name, class_name }) : client(c).calendarCancel(ref(c), { calendar_name, class_name });
  return [
    {
      code: '255', cmd, app: 'kartra_error', how: 'an empty calendar_name',
      run: (c) => onLead(c, { cmd, calendar_name: '', class_name: cal(c).classes[0]! }),
      refusal: (c) => send(c, '', cal(c).classes[0]!),
    },
    {
      code: '256', cmd, app: 'kartra_error', how: 'an empty class_name',
      run: (c) => onLead(c, { cmd, calendar_name: cal(c).name, class_name: '' }),
      refusal: (c) => send(c, cal(c).name, ''),
    },
    { code: '257', cmd, app: 'kartra_error', how: 'an unknown calendar', run: (c) => send(c, 'No Such Calendar', cal(c).classes[0]!) },
    { code: '258', cmd, app: 'kartra_error', how: 'a class the calendar does not have', run: (c) => send(c, cal(c).name, 'No Such Class') },
  ];
}
