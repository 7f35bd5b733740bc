// Kartra's answer wording per situation: type code + G3 message, and the older wording of kartra-api.md §13.
// Several situations share a type code (101 is both list subscribe and unsubscribe), so entries are keyed by
// situation, not by code.

interface MessageSpec {
  /** Kartra's `type`; '' for the documented successes that carry none (search_lead, search_transaction). */
  type: string;
  text: string;
  /** The older ("Nothing done" / "in a few moments") wording, used when the sandbox runs with legacyMessages. */
  legacy?: string;
}

const M = <T extends Record<string, MessageSpec>>(table: T) => table;

export const MESSAGES = M({
  // Successes (§5, §10, §11, §12)
  listSubscribed: { type: '101', text: 'Lead subscribed to list', legacy: 'The lead will be subscribed in list {list_name} in a few moments' },
  listUnsubscribed: { type: '101', text: 'Lead unsubscribed from list' },
  tagAdded: { type: '103', text: 'Tag added to lead' },
  tagRemoved: { type: '104', text: 'Tag removed from lead', legacy: 'The tag {tag_name} will be removed from lead in a few moments' },
  pointsAdded: { type: '105', text: 'Points added to lead', legacy: '{points} points were added to lead' },
  pointsRemoved: { type: '106', text: 'Points removed from lead' },
  sequenceAdded: { type: '107', text: 'Lead added to sequence' },
  // [U] unsubscribe_lead_from_sequence's success is undocumented (§14.2); 108 is the free slot that fits.
  sequenceRemoved: { type: '108', text: 'Lead removed from sequence' },
  classSubscribed: { type: '112', text: 'Lead subscribed to class' },
  classCancelled: { type: '113', text: 'Lead unsubscribed from class' },
  fieldCreated: { type: '114', text: 'Custom Field created' },
  subscriptionModified: { type: '115', text: 'Subscription modified' },
  leadFound: { type: '', text: 'Lead found' },
  transactionExists: { type: '', text: 'Transaction exists' },
  // [U] search_subscription's success is undocumented; it mirrors search_transaction.
  subscriptionExists: { type: '', text: 'Subscription exists' },

  // Global errors (§4)
  insecure: { type: '201', text: 'Connection not secure' },
  apiKeyEmpty: { type: '202', text: 'API key cannot be empty. Please get an API key first' },
  apiKeyInvalid: { type: '203', text: 'API key not valid. Please get an API key first' },
  accountInactive: { type: '204', text: 'API Account inactive' },
  leadRequired: { type: '206', text: 'email or lead id is required. Nothing done' },
  leadNotArray: { type: '223', text: "'lead' not an array" },
  actionsNotArray: { type: '224', text: "'actions' not an array" },
  apiPasswordInvalid: { type: '233', text: 'API password not valid. Please get an API password first' },
  getLeadNotArray: { type: '236', text: "'get_lead' not an array" },
  appIdEmpty: { type: '238', text: 'App Id cannot be empty. Please get an App Id first' },
  appIdInvalid: { type: '239', text: 'App Id is not valid. The app does not exists or is inactive' },
  appInactive: { type: '240', text: 'App Account inactive' },
  ipNotAllowed: { type: '242', text: 'This API call was sent from an unauthorized IP' },
  cmdRequired: { type: '254', text: "'cmd' is required" },
  noPermission: { type: '262', text: 'App does not have permission to execute this CMD' },

  // Lead commands (§9)
  leadNotFound: { type: '243', text: 'No lead found' },
  leadExists: { type: '244', text: 'Lead already exists' },
  leadDeleted: { type: '245', text: 'Lead is deleted' },
  getLeadNotFound: { type: '234', text: 'No lead found' },
  customFieldFormat: { type: '271', text: 'Wrong custom field format' },

  // Lead actions (§10)
  listEmpty: { type: '207', text: 'List cannot be empty', legacy: 'list_name cannot be empty. Nothing done' },
  unlistEmpty: { type: '208', text: 'List cannot be empty' },
  unlistMissing: { type: '209', text: 'List does not exist' },
  tagEmpty: { type: '211', text: 'Tag cannot be empty' },
  tagMissing: { type: '212', text: 'Tag does not exist' },
  untagEmpty: { type: '213', text: 'Tag cannot be empty', legacy: 'tag_name cannot be empty. Nothing done' },
  untagMissing: { type: '214', text: 'Tag does not exist', legacy: 'Invalid tag. Nothing done' },
  pointsEmpty: { type: '215', text: 'Points cannot be empty', legacy: 'points cannot be empty. Nothing done' },
  removePointsEmpty: { type: '217', text: 'Points cannot be empty' },
  sequenceMissing: { type: '219', text: 'Sequence does not exist' },
  unsequenceMissing: { type: '220', text: 'Sequence does not exist' },
  stepEmpty: { type: '225', text: 'Step cannot be empty' },
  sequenceEmpty: { type: '226', text: 'Sequence cannot be empty' },
  pointsNaN: { type: '227', text: 'Points is not a number', legacy: 'points is not a number. Nothing done' },
  removePointsNaN: { type: '228', text: 'Points is not a number' },
  stepNotAlnum: { type: '229', text: 'Step has to be alphanumeric' },
  stepMissing: { type: '230', text: 'Step does not exist' },
  listMissing: { type: '231', text: 'List does not exist', legacy: 'list does not exist. Nothing done' },
  calendarEmpty: { type: '255', text: 'Calendar cannot be empty' },
  classEmpty: { type: '256', text: 'Class cannot be empty' },
  calendarMissing: { type: '257', text: 'Calendar does not exist' },
  classMissing: { type: '258', text: 'Class does not exist' },
  noBooking: { type: '259', text: 'No active/pending calendar subscription for this lead' },
  badDate: { type: '260', text: 'Invalid date format' },
  pastDate: { type: '261', text: 'Date is in the past' },
  fieldName: { type: '263', text: 'Custom Field name can only contain letters, numbers, dashes or underscores' },
  fieldExists: { type: '264', text: 'Custom Field already exists or not allowed' },
  fieldEmpty: { type: '265', text: 'Custom Field cannot be empty' },
  fieldType: { type: '269', text: 'Custom Field type not valid' },
  optionsNotArray: { type: '270', text: 'Options not an array' },
  optionEmpty: { type: '272', text: 'Option cannot be empty' },
  optionsTooFew: { type: '273', text: 'Options must have two or more elements' },

  // Payments (§12)
  transactionMissing: { type: '247', text: "Transaction doesn't exist" },
  subscriptionMissing: { type: '248', text: "Subscription doesn't exist" },
  notLinked: { type: '249', text: 'Transaction not linked to any recurring subscription' },
  outsideRefund: { type: '250', text: 'Transaction outside refund period' },
  alreadyRefunded: { type: '251', text: 'Transaction already refunded' },
  alreadyCancelled: { type: '252', text: 'Subscription already cancelled' },
  notRefundable: { type: '253', text: 'This type of transaction cannot be refunded or cancelled' },
  refundFailed: { type: '266', text: 'Refund has failed' },
  cancelFailed: { type: '267', text: 'Cancellation has failed' },
  badAmount: { type: '268', text: 'Invalid amount' },
  wrongStatus: { type: '274', text: 'Wrong status' },
  notUpdatable: { type: '275', text: 'Subscriptions cancelled or terminated cannot be updated' },
  quantityRange: { type: '276', text: 'Quantity must be between 1 and 9,999' },
  priceRange: { type: '277', text: 'Price must be between 1.00 and 9,999.99' },
  badNumber: { type: '278', text: 'Invalid number' },
  badPeriod: { type: '280', text: 'Invalid recurring period' },
  recurrenceLocked: { type: '281', text: 'Recurrence cannot be changed' },
  badInstallments: { type: '282', text: 'Incorrect number of installments' },
  badProduct: { type: '283', text: 'Wrong product id or price point' },
  paypal: { type: '284', text: 'Paypal transactions cannot be modified' },
  nothingToEdit: { type: '285', text: 'No editable parameters for subscription' },
  taxRange: { type: '290', text: 'Tax must be between 0 and 100' },

  // Invented by the sandbox (no Kartra source documents these situations); codes sit above the highest
  // documented one (290) so they never collide with a real Kartra code.
  chainOrder: { type: '291', text: 'create_lead, edit_lead and search_lead must be the first cmd (actions[0])' },
  invalidValue: { type: '292', text: 'Invalid value for {field}' },
  // Invented: kartra-api.md §6 suggests this body for the HTTP 429 answer.
  rateLimited: { type: '429', text: 'Too many requests' },
});

export type MessageKey = keyof typeof MESSAGES;

export interface Said {
  type: string;
  message: string;
}

/** The `{type, message}` pair of a situation, filling `{var}` placeholders. */
export function say(key: MessageKey, legacy: boolean, vars: Record<string, string> = {}): Said {
  const spec: MessageSpec = MESSAGES[key];
  const template = legacy && spec.legacy ? spec.legacy : spec.text;
  const message = template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
  return { type: spec.type, message };
}
