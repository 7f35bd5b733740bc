// Every Kartra `type` code documented in kartra-api.md (§4, §5, §6, §10–§12): Kartra's wording, the app's code and a plain-language message.
import type { ErrorCode } from '../../../shared/ipc/envelope';

export interface KartraCodeInfo {
  /** Kartra's own message for this code (newest documented wording). */
  readonly kartraMessage: string;
  /** The app's error code; null for success codes (1xx). */
  readonly code: ErrorCode | null;
  /** What happened and what to do, for the user. */
  readonly message: string;
  /** The cmds that can answer with this code; 'global' for checks that apply to every call. */
  readonly cmds: 'global' | readonly string[];
  /**
   * A more precise message when the failing action is known: `{param}` is filled from the action's own
   * parameters (e.g. {step}, {sequence_name}); used only when every placeholder has a value.
   */
  readonly actionMessage?: string;
}

const API_PLACE = 'In Kartra, open My Integrations → API';
/** Where Lead Desk takes new credentials: the connect form, which the account menu reopens for a connected account. */
const FORM = 'on the connect form (for a connected account: the account menu at the top right → Update API key and password…)';
const BUG = 'This is a bug in Lead Desk, not in your data; please report it.';
const SEQ = ['subscribe_lead_to_sequence_at_step'];
const CAL = ['calendar_subscribe', 'calendar_cancel'];
const SUB_EDIT = ['edit_subscription'];

function row(
  kartraMessage: string,
  code: ErrorCode | null,
  cmds: 'global' | readonly string[],
  message: string,
): KartraCodeInfo {
  return { kartraMessage, code, cmds, message };
}

export const KARTRA_CODES: Readonly<Record<string, KartraCodeInfo>> = {
  // ── Success codes (§5) ────────────────────────────────────────────────────────────────
  '101': row('Lead subscribed to list', null, ['subscribe_lead_to_list', 'unsubscribe_lead_from_list'], 'The list subscription was updated.'),
  '103': row('Tag added to lead', null, ['assign_tag'], 'The tag was added to the lead.'),
  '104': row('Tag removed from lead', null, ['unassign_tag'], 'The tag was removed from the lead.'),
  '105': row('Points added to lead', null, ['give_points_to_lead'], 'The points were added to the lead.'),
  '106': row('Points removed from lead', null, ['remove_points_from_lead'], 'The points were removed from the lead.'),
  '107': row('Lead added to sequence', null, SEQ, 'The lead was added to the sequence.'),
  '112': row('Lead subscribed to class', null, ['calendar_subscribe'], 'The lead was booked into the calendar class.'),
  '113': row('Lead unsubscribed from class', null, ['calendar_cancel'], 'The calendar booking was cancelled.'),
  '114': row('Custom Field created', null, ['create_custom_field'], 'The custom field was created.'),
  '115': row('Subscription modified', null, ['modify_subscription_status', 'edit_subscription'], 'The subscription was changed.'),

  // ── Connection and authentication (§4) ────────────────────────────────────────────────
  '201': row('Connection not secure', 'auth_failed', 'global',
    `Kartra refused the call because it was not sent over a secure (https) connection. Check the API address ${FORM}, under Advanced: it must be https://app.kartra.com/api. Your API key and password are under My Integrations → API in Kartra.`),
  '202': row('API key cannot be empty. Please get an API key first', 'auth_failed', 'global',
    `Kartra received no API key. ${API_PLACE}, copy the API key and paste it ${FORM}.`),
  '203': row('API key not valid. Please get an API key first', 'auth_failed', 'global',
    `Kartra does not recognise the API key. ${API_PLACE}, copy the API key again (without spaces) and enter it ${FORM}.`),
  '233': row('API password not valid. Please get an API password first', 'auth_failed', 'global',
    `The API password does not match the API key. ${API_PLACE}, copy the API password that belongs to this key and enter it ${FORM}.`),
  '204': row('API Account inactive', 'auth_failed', 'global',
    `The Kartra account that owns this API key is inactive. Sign in to Kartra and check the account's status and billing; the key itself is listed under My Integrations → API.`),
  '238': row('App Id cannot be empty. Please get an App Id first', 'auth_failed', 'global',
    `Kartra received no App ID. Enter the App ID ${FORM}; the app's developer finds it in Kartra under My Integrations → API, in the app's details.`),
  '239': row('App Id is not valid. The app does not exists or is inactive', 'auth_failed', 'global',
    `Kartra does not know this App ID, or the app is inactive. Compare the App ID ${FORM} with the app shown in Kartra under My Integrations → API, and check that the app is active (Test Mode or Live).`),
  '240': row('App Account inactive', 'auth_failed', 'global',
    `The Kartra account of the app's developer (the owner of the App ID) is inactive. The developer must reactivate it; the app is listed in Kartra under My Integrations → API.`),
  '242': row('This API call was sent from an unauthorized IP', 'auth_failed', 'global',
    `Kartra refused the call because it came from an IP address this app is not allowed to use. ${API_PLACE} and add this computer's public IP address to the app's allowed IPs, or lift the IP restriction.`),
  '262': row('App does not have permission to execute this CMD', 'auth_failed', 'global',
    `The app is not allowed to run this command. ${API_PLACE} and check the app's permissions; Kartra may need to approve the app for this command first.`),

  // ── Request structure (§4) — only a malformed request from Lead Desk itself causes these ──
  '254': row("'cmd' is required", 'kartra_error', 'global', `Kartra received an action without a command. ${BUG}`),
  '206': row('email or lead id is required. Nothing done', 'kartra_error', 'global',
    'Kartra needs the lead\'s email address or id for this. Give one of them and try again.'),
  '223': row("'lead' not an array", 'kartra_error', 'global', `Kartra could not read the lead in the request. ${BUG}`),
  '236': row("'get_lead' not an array", 'kartra_error', 'global', `Kartra could not read the lead lookup in the request. ${BUG}`),
  '224': row("'actions' not an array", 'kartra_error', 'global', `Kartra could not read the actions in the request. ${BUG}`),

  // ── Rate limit (§6) ───────────────────────────────────────────────────────────────────
  '429': row('Too many requests', 'rate_limited', 'global',
    'Kartra is busy: more than 20 calls per second were made for this app. Lead Desk waits a second and tries again.'),

  // ── Leads (§9) ────────────────────────────────────────────────────────────────────────
  '243': row('No lead found', 'not_found', ['edit_lead', 'search_lead'],
    'No lead with this email address or id exists in Kartra. Check it for typos, or create the lead first.'),
  '234': row('No lead found', 'not_found', ['get_lead'],
    'No lead with this email address or id exists in Kartra. Check it for typos, or create the lead first.'),
  '244': row('Lead already exists', 'already_exists', ['create_lead', 'edit_lead'],
    'A lead with this email address already exists in Kartra. Open that lead and edit it instead, or (when changing an email) choose an address no other lead uses.'),
  // 245 → conflict: a deleted lead still reserves its email, so "not found" would invite creating
  // it again, which Kartra refuses; the user has to restore the lead in Kartra or use another email.
  '245': row('Lead is deleted', 'conflict', ['create_lead', 'edit_lead', 'search_lead', 'get_lead'],
    'This lead was deleted in Kartra, and Kartra keeps its email address reserved. Restore the lead in Kartra, or use a different email address.'),
  '271': row('Wrong custom field format', 'kartra_error', ['create_lead', 'edit_lead'],
    'Kartra rejected the custom field values. Drop-down and radio fields take an option id and checkboxes a list of option ids; refresh the account\'s custom fields and try again.'),

  // ── Lists, tags, points (§10.1–§10.6) ─────────────────────────────────────────────────
  '207': row('List cannot be empty', 'kartra_error', ['subscribe_lead_to_list'], 'No list was chosen. Pick a list and try again.'),
  '231': row('List does not exist', 'kartra_error', ['subscribe_lead_to_list'],
    'This list does not exist in the Kartra account. Create it in Kartra first (the name must match exactly), then refresh the lists.'),
  '208': row('List cannot be empty', 'kartra_error', ['unsubscribe_lead_from_list'], 'No list was chosen. Pick a list and try again.'),
  '209': row('List does not exist', 'kartra_error', ['unsubscribe_lead_from_list'],
    'This list does not exist in the Kartra account. Refresh the lists and pick one of them.'),
  '211': row('Tag cannot be empty', 'kartra_error', ['assign_tag'], 'No tag was chosen. Pick a tag and try again.'),
  '212': row('Tag does not exist', 'kartra_error', ['assign_tag'],
    'This tag does not exist in the Kartra account, and the API cannot create tags. Create it in Kartra first, then refresh the tags.'),
  '213': row('Tag cannot be empty', 'kartra_error', ['unassign_tag'], 'No tag was chosen. Pick a tag and try again.'),
  '214': row('Tag does not exist', 'kartra_error', ['unassign_tag'], 'This tag does not exist in the Kartra account. Refresh the tags and pick one of them.'),
  '215': row('Points cannot be empty', 'kartra_error', ['give_points_to_lead'], 'No number of points was given. Enter a whole number of points.'),
  '227': row('Points is not a number', 'kartra_error', ['give_points_to_lead'], 'The points must be a whole number.'),
  '217': row('Points cannot be empty', 'kartra_error', ['remove_points_from_lead'], 'No number of points was given. Enter a whole number of points.'),
  '228': row('Points is not a number', 'kartra_error', ['remove_points_from_lead'], 'The points must be a whole number.'),

  // ── Sequences (§10.7, §10.8) ──────────────────────────────────────────────────────────
  '226': row('Sequence cannot be empty', 'kartra_error', [...SEQ, 'unsubscribe_lead_from_sequence'], 'No sequence was chosen. Pick a sequence and try again.'),
  '225': row('Step cannot be empty', 'kartra_error', SEQ, 'No sequence step was given. Enter the step number from the sequence builder.'),
  '219': row('Sequence does not exist', 'kartra_error', SEQ,
    'This sequence does not exist in the Kartra account. Check its exact name in Kartra, then refresh the sequences.'),
  '229': row('Step has to be alphanumeric', 'kartra_error', SEQ, 'The sequence step may only contain letters and digits.'),
  // Steps cannot be listed through the API (kartra-api.md §0.4 E6): the user types the box number, so a typo
  // shows up only here, and the message must say which step of which sequence.
  '230': {
    ...row('Step does not exist', 'kartra_error', SEQ, 'This step does not exist in the sequence. Check the step number in Kartra\'s sequence builder.'),
    actionMessage: "Kartra has no step {step} in '{sequence_name}' — check the box number in the sequence builder.",
  },
  '220': row('Sequence does not exist', 'kartra_error', ['unsubscribe_lead_from_sequence'],
    'This sequence does not exist in the Kartra account. Refresh the sequences and pick one of them.'),

  // ── Calendars (§10.9, §10.10) ─────────────────────────────────────────────────────────
  '255': row('Calendar cannot be empty', 'kartra_error', CAL, 'No calendar was chosen. Pick a calendar and try again.'),
  '256': row('Class cannot be empty', 'kartra_error', CAL, 'No class was chosen. Pick a class of the calendar and try again.'),
  '257': row('Calendar does not exist', 'kartra_error', CAL,
    'This calendar does not exist in Kartra, or it is not finished yet. Check its name and that it is complete in Kartra.'),
  '258': row('Class does not exist', 'kartra_error', CAL, 'This class does not exist in that calendar. Check the class name in Kartra.'),
  '259': row('No active/pending calendar subscription for this lead', 'kartra_error', ['calendar_cancel'],
    'The lead has no active or pending booking in this class, so there is nothing to cancel.'),
  '260': row('Invalid date format', 'kartra_error', ['calendar_subscribe', ...SUB_EDIT],
    'The date or time is not in the format Kartra expects (date like 16 Jan 2019, time like 15:00; for subscriptions yyyy-mm-dd hh:mm).'),
  '261': row('Date is in the past', 'kartra_error', ['calendar_subscribe', ...SUB_EDIT], 'The date lies in the past (Kartra uses Eastern time). Pick a later date.'),

  // ── Custom fields (§10.11) ────────────────────────────────────────────────────────────
  '263': row('Custom Field name can only contain letters, numbers, dashes or underscores', 'kartra_error', ['create_custom_field'],
    'The custom field identifier may only contain letters, digits, dashes and underscores (no spaces).'),
  '264': row('Custom Field already exists or not allowed', 'kartra_error', ['create_custom_field'],
    'A custom field with this identifier already exists, or the name is reserved. Choose another identifier.'),
  '265': row('Custom Field cannot be empty', 'kartra_error', ['create_custom_field'], 'The custom field needs an identifier.'),
  '269': row('Custom Field type not valid', 'kartra_error', ['create_custom_field'],
    'The custom field type must be one of: input field, text area, drop-down, radio button, checkbox.'),
  '270': row('Options not an array', 'kartra_error', ['create_custom_field'], `Kartra could not read the field's options. ${BUG}`),
  '272': row('Option cannot be empty', 'kartra_error', ['create_custom_field'], 'One of the options is empty. Give every option a name.'),
  '273': row('Options must have two or more elements', 'kartra_error', ['create_custom_field'],
    'Drop-down, radio button and checkbox fields need at least two options.'),

  // ── Payments (§12) ────────────────────────────────────────────────────────────────────
  '247': row("Transaction doesn't exist", 'kartra_error', ['search_transaction', 'get_transaction_details', 'refund_transaction'],
    'No transaction with this id exists in the Kartra account. Check the order id.'),
  '248': row("Subscription doesn't exist", 'kartra_error',
    ['cancel_transaction', 'modify_subscription_status', 'edit_subscription', 'search_subscription', 'get_subscription_details'],
    'No subscription with this id exists in the Kartra account. Check the subscription id.'),
  '249': row('Transaction not linked to any recurring subscription', 'kartra_error', ['cancel_transaction'],
    'This transaction is a one-off payment, not part of a subscription, so there is nothing to cancel.'),
  '250': row('Transaction outside refund period', 'kartra_error', ['refund_transaction'],
    'The refund period for this transaction has ended; Kartra cannot refund it any more.'),
  '251': row('Transaction already refunded', 'kartra_error', ['refund_transaction'], 'This transaction was already refunded.'),
  '252': row('Subscription already cancelled', 'kartra_error', ['cancel_transaction', 'modify_subscription_status'], 'This subscription is already cancelled.'),
  '253': row('This type of transaction cannot be refunded or cancelled', 'kartra_error', ['refund_transaction', 'cancel_transaction'],
    'Only real sales and rebills can be refunded or cancelled; this one is another kind (or a test transaction).'),
  '266': row('Refund has failed', 'kartra_error', ['refund_transaction'],
    'The payment processor refused the refund. Check the transaction in Kartra and with the payment processor.'),
  '267': row('Cancellation has failed', 'kartra_error', ['cancel_transaction', 'modify_subscription_status'],
    'The payment processor refused the cancellation. Check the subscription in Kartra and with the payment processor.'),
  '268': row('Invalid amount', 'kartra_error', ['refund_transaction', ...SUB_EDIT], 'The amount is not a valid number. Enter an amount such as 19.95.'),
  '274': row('Wrong status', 'kartra_error', ['modify_subscription_status'], 'The status change must be cancel, pause or unpause.'),
  '275': row('Subscriptions cancelled or terminated cannot be updated', 'kartra_error', ['modify_subscription_status', ...SUB_EDIT],
    'This subscription is cancelled or finished, so it cannot be changed any more.'),
  '276': row('Quantity must be between 1 and 9,999', 'kartra_error', SUB_EDIT, 'The quantity must be between 1 and 9,999.'),
  '277': row('Price must be between 1.00 and 9,999.99', 'kartra_error', SUB_EDIT, 'The price must be between 1.00 and 9,999.99.'),
  '278': row('Invalid number', 'kartra_error', SUB_EDIT, 'One of the numbers is not valid. Check the amounts and counts.'),
  '280': row('Invalid recurring period', 'kartra_error', SUB_EDIT, 'This billing period is not allowed for the subscription\'s price type.'),
  '281': row('Recurrence cannot be changed', 'kartra_error', SUB_EDIT, 'The billing period of this subscription cannot be changed.'),
  '282': row('Incorrect number of installments', 'kartra_error', SUB_EDIT, 'The number of remaining installments is not valid.'),
  '283': row('Wrong product id or price point', 'kartra_error', SUB_EDIT,
    'The product or price point does not exist. Changing the product needs both the product id and the price point.'),
  '284': row('Paypal transactions cannot be modified', 'kartra_error', ['modify_subscription_status', ...SUB_EDIT],
    'PayPal subscriptions cannot be changed through Kartra, only cancelled.'),
  '285': row('No editable parameters for subscription', 'kartra_error', SUB_EDIT, 'Nothing to change was given for the subscription.'),
  '290': row('Tax must be between 0 and 100', 'kartra_error', SUB_EDIT, 'The tax rate must be a percentage between 0 and 100.'),
};
