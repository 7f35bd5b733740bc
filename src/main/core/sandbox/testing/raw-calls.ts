// Helpers for the sandbox's own tests: raw Kartra calls over loopback HTTP with PHP-style form bodies.
import qs from 'qs';
import { DEMO_ACCOUNT } from '../auth';
import type { RunningSandbox, SandboxAccountCredentials } from '../types';

// Answers are checked field by field in tests, so a loose type keeps them readable.
export type Json = Record<string, any>;

export const form = (params: object) => qs.stringify(params, { arrayFormat: 'indices' });

export interface Reply {
  status: number;
  body: Json;
}

/** POSTs a raw body to the sandbox's /api. */
export async function post(sb: RunningSandbox, body: string, contentType = 'application/x-www-form-urlencoded'): Promise<Reply> {
  const res = await fetch(sb.url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

export const credentials = (account: SandboxAccountCredentials = DEMO_ACCOUNT) => ({
  app_id: account.appId,
  api_key: account.apiKey,
  api_password: account.apiPassword,
});

/** Calls the sandbox as an account (demo by default); `params` are the Kartra fields besides credentials. */
export async function call(sb: RunningSandbox, params: object, account: SandboxAccountCredentials = DEMO_ACCOUNT): Promise<Json> {
  const reply = await post(sb, form({ ...credentials(account), ...params }));
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** One action on a lead: `{lead: {email}, actions: [{cmd, ...params}]}`. */
export const onLead = (sb: RunningSandbox, email: string, cmd: string, params: object = {}) =>
  call(sb, { lead: { email }, actions: [{ cmd, ...params }] });

/** One account-scoped action. */
export const account = (sb: RunningSandbox, cmd: string, params: object = {}, who?: SandboxAccountCredentials) =>
  call(sb, { actions: [{ cmd, ...params }] }, who);

export const error = (type: string, message: string) => ({ status: 'Error', message, type });
export const success = (type: string, message: string) => ({ status: 'Success', message, type });
/** A lone successful lead action as Kartra answers it: inside the `actions` envelope (kartra-api.md §0.4 E1). */
export const enveloped = (cmd: string, type: string, message: string) => ({ status: 'Success', actions: [{ [cmd]: success(type, message) }] });

let unique = 0;
/** A fresh email address for a test (never seeded). */
export const freshEmail = (tag = 'lead') => `${tag}.${Date.now().toString(36)}.${unique++}@example.net`;
