// Kartra sandbox: a local HTTP server speaking Kartra's inbound API (kartra-api.md) against its own seeded state.
//
// Endpoint: POST {url} (http://127.0.0.1:PORT/api) with a PHP-style urlencoded body; other paths 404, other
// verbs 405. Every answer is HTTP 200 JSON served as text/html like Kartra's (E10) except: 429 (rate window or
// injected), 503 (injected), 413 (body over 8 MB). Admin: POST /__admin/<method> with header
// `x-sandbox-admin: <adminToken>` and a JSON body — methods getLead, listLeads, editLead, deleteLead, catalog,
// transactions, subscriptions, advanceClock (SandboxInspector), setFaults, setTestMode {on}, setBehaviour,
// behaviour, stats; answers {ok, value} | {ok: false, error}.
//
// Defaults follow kartra-api.md §0.4; what the evidence leaves open is a switch (SandboxBehaviour, behaviour.ts):
//   chain continue|stop (E3), singleSuccess envelope|flat (E1), textArea cut|refuse (E9), contentType html|json
//   (E10), legacyMessages (§13). Unknown and read-only lead keys are ignored (E8); get_lead has no tag_id and no
//   calendars (E7); retrieve_account_sequences/lists answer names only (E6).
//
// Network (network.ts, set with the faults, also over /__admin/setFaults): upstreamMs before the rate window
// counts a request, downstreamMs before its answer, each varied by ± jitter; latencyMs alone = the round trip,
// split evenly. The window counts arrivals after the upstream delay, as Kartra would.
//
// Credentials reaching each auth error (global checks run in this order, first failure answers):
//   201  any call while the sandbox runs with simulateInsecure
//   238  app_id missing/empty            239  any app_id not listed below
//   240  app_id LDSANDBOXOFF (developer account inactive)
//   202  api_key missing/empty           203  an unknown api_key
//   233  a known api_key with a wrong api_password
//   204  INACTIVE_ACCOUNT (sandbox-inactive-key / sandbox-inactive-password)
//   242  app_id LDSANDBOXIP (its IP allow-list excludes 127.0.0.1)
//   262  app_id LDSANDBOXRO with any write cmd; any app with an unknown cmd ([U])
// then structure (223 lead / 236 get_lead / 224 actions not arrays, 254 action without cmd or no action at
// all), chain order, 262, 206 (no lead[id]/lead[email] for a lead-scoped call), then each command's checks.
//
// Sandbox decisions where Kartra is undocumented ([U]) — clients must not depend on them:
//   - create_lead/edit_lead/search_lead anywhere but actions[0]: the call is refused before anything runs with
//     {"status":"Error","message":"create_lead, edit_lead and search_lead must be the first cmd (actions[0])",
//     "type":"291"} (an invented code above Kartra's highest documented one, 290).
//   - Invented 292 "Invalid value for <field>": a malformed email/new_email, a time zone outside kartra-api.md
//     §8.4, a non-numeric business_type, a profile field sent as an array, a non-numeric points expiration.
//   - Rate limit: HTTP 429 {"status":"Error","message":"Too many requests","type":"429"}.
//   - Chains: see process-request.ts; a lead action with no such lead → 243 "No lead found" (245 if deleted) and
//     the call ends there; payment data commands answer inside the `actions` envelope.
//   - Test mode: emails rewritten to @kartra.com on create and new_email; look-ups by the original address
//     find the rewritten lead.
//   - retrieve_account_pages answers `account_pages` [{page_id, page_name, page_url}].
//   - A text area refused (textArea 'refuse') answers invented 292 "Invalid value for <identifier>".
export { startSandbox } from './server';
export { sustainedRate, zero429Ceiling } from './arrival-rate';
export {
  SANDBOX_APP_ID,
  SANDBOX_APPS,
  DEMO_ACCOUNT,
  AGENCY_ACCOUNT,
  INACTIVE_ACCOUNT,
  READ_COMMANDS,
} from './auth';
export { DEMO_LEAD_EMAIL } from './seed/seed';
export { BEHAVIOUR_CHOICES, DEFAULT_BEHAVIOUR } from './behaviour';
export { KARTRA_TIME_ZONES } from '../../../shared/domain/time-zones';
export { MESSAGES, type MessageKey } from './messages';
export {
  PROFILE_FIELDS,
  SandboxInspectError,
  type ProfileField,
  type RunningSandbox,
  type SandboxBehaviour,
  TEXT_AREA_MAX,
  type SandboxAccountCredentials,
  type SandboxArrival,
  type SandboxCatalog,
  type SandboxFaults,
  type SandboxInspector,
  type SandboxLeadEdit,
  type SandboxLeadQuery,
  type SandboxLeadState,
  type SandboxLeadSummary,
  type SandboxOptions,
  type SandboxStats,
  type SandboxSubscription,
  type SandboxTransaction,
} from './types';
