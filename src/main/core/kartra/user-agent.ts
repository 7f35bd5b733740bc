// The User-Agent Lead Desk sends to Kartra: a descriptive one, because Kartra's edge firewall is said to block
// default script agents with an HTTP 403 page (kartra-api.md §0.4 E11).
import { version } from '../../../../package.json';

/** Where a Kartra administrator who sees this agent in a log can read what it is. */
export const LEAD_DESK_HOMEPAGE = 'https://github.com/lead-desk/lead-desk';

/** `LeadDesk/<version> (+<homepage>)`, the usual form for a named client with a contact URL. */
export const USER_AGENT = `LeadDesk/${version} (+${LEAD_DESK_HOMEPAGE})`;
