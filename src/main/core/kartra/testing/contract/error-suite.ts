// Runs the error-code table: every documented Kartra error code reached through the real client, mapped to an app error, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '../../../api/to-app-error';
import { AppError } from '../../../errors';
import { describeKartraError, KARTRA_CODES } from '../../error-codes';
import { KartraApiError } from '../../errors';
import { ContractConnections, freshEmail, rawCall, type Connection, type ContractTarget } from './contract-target';
import type { ErrorCase, ErrorContext } from './error-case';
import { ACTION_CASES, CUSTOM_FIELD_CASES, GLOBAL_CASES, LEAD_CASES } from './error-cases-lead';
import { SUBSCRIPTION_CASES, TRANSACTION_CASES } from './error-cases-payment';

export const ERROR_CASES: readonly ErrorCase[] = [
  ...GLOBAL_CASES,
  ...LEAD_CASES,
  ...ACTION_CASES,
  ...CUSTOM_FIELD_CASES,
  ...TRANSACTION_CASES,
  ...SUBSCRIPTION_CASES,
];

/**
 * Every error code of kartra-api.md §4, §5 and §10–§12 (the task's list; 234 and 243 both exist, for
 * get_lead and for edit/search). Each must be a row of ERROR_CASES or be declared not producible by the target.
 */
export const DOCUMENTED_ERROR_CODES = [
  '201', '202', '203', '204', '206', '207', '208', '209', '211', '212', '213', '214', '215', '217', '219', '220',
  '223', '224', '225', '226', '227', '228', '229', '230', '231', '233', '234', '236', '238', '239', '240', '242',
  '243', '244', '245', '247', '248', '249', '250', '251', '252', '253', '254', '255', '256', '257', '258', '259',
  '260', '261', '262', '263', '264', '265', '266', '267', '268', '269', '270', '271', '272', '273', '274', '275',
  '276', '277', '278', '280', '281', '282', '283', '284', '285', '290',
] as const;

/** Codes (or `code:cmd` pairs) a target cannot produce as a KartraApiError, each with the reason. */
export type NotProduced = Readonly<Record<string, string>>;

export function describeErrorCodes(target: () => ContractTarget, notProduced: NotProduced = {}): void {
  describe('error codes', () => {
    let connections: ContractConnections;
    let ctx: ErrorContext;

    beforeAll(async () => {
      connections = new ContractConnections(target());
      const conn = connections.connect();
      const make = async (tag: string) => {
        const email = freshEmail(tag);
        return { id: (await conn.client.createLead({ email, first_name: 'Error', last_name: tag })).leadId, email };
      };
      ctx = {
        target: target(),
        conn,
        probe: (over) => connections.connect(over),
        raw: (body, cmd) => rawCall(conn, body, cmd),
        lead: await make('errors'),
        otherLead: await make('errors-other'),
        nobody: freshEmail('nobody'),
      };
    });
    afterAll(() => connections.close());

    /** Everything a refused call must leave as it was (only with an inspector). */
    const snapshot = (): string | null => {
      const inspect = target().inspect;
      if (!inspect) return null;
      const deleted = target().fixtures.deletedLeadEmail;
      return JSON.stringify({
        lead: inspect.lead({ id: ctx.lead.id }),
        other: inspect.lead({ id: ctx.otherLead.id }),
        deleted: deleted ? inspect.lead({ email: deleted }) : null,
        nobody: inspect.lead({ email: ctx.nobody }),
        catalog: inspect.catalog(),
        transactions: inspect.transactions(),
        subscriptions: inspect.subscriptions(),
      });
    };

    it('covers every documented code, and every command each code belongs to, or says why not', () => {
      const codes = new Set(ERROR_CASES.map((c) => c.code));
      const pairs = new Set(ERROR_CASES.map((c) => `${c.code}:${c.cmd}`));
      const missing: string[] = [];
      for (const code of DOCUMENTED_ERROR_CODES) if (!codes.has(code) && !notProduced[code]) missing.push(code);
      // The client's own code table names the commands each code belongs to: every pair must be exercised.
      for (const [code, info] of Object.entries(KARTRA_CODES)) {
        if (info.code === null || notProduced[code]) continue;
        if (info.cmds === 'global') {
          if (!codes.has(code)) missing.push(code);
          continue;
        }
        for (const cmd of info.cmds) if (!pairs.has(`${code}:${cmd}`) && !notProduced[`${code}:${cmd}`]) missing.push(`${code}:${cmd}`);
      }
      expect(missing).toEqual([]);
    });

    for (const row of ERROR_CASES) {
      it(`${row.code} on ${row.cmd}: ${row.how}`, async ({ skip }) => {
        const reason = notProduced[row.code] ?? notProduced[`${row.code}:${row.cmd}`] ?? row.requires?.(ctx.target);
        if (reason) return skip(reason);
        const before = snapshot();

        const error = await row.run(ctx).then(
          (value) => new Error(`expected Kartra error ${row.code}, but the call succeeded: ${JSON.stringify(value)}`),
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(KartraApiError);
        const kartra = error as KartraApiError;
        expect({ type: kartra.type, cmd: kartra.cmd }).toEqual({ type: row.code, cmd: row.cmd });
        expect(kartra.kartraMessage.trim()).not.toBe('');
        const described = describeKartraError(kartra.type, kartra.kartraMessage);
        expect(described.code).toBe(row.app);
        expect(described.message.trim().length).toBeGreaterThan(10);
        // What the router shows: the mapped code, with Kartra's own type and words in the details.
        expect(toAppError(kartra).toData()).toMatchObject({ code: row.app, details: { kartraType: row.code, kartraMessage: kartra.kartraMessage } });
        // A refused call loses nothing and changes nothing.
        expect(snapshot()).toEqual(before);

        if (row.refusal) {
          const sentBefore = ctx.conn.sent();
          const refused = await row.refusal(ctx).then(
            () => new Error('expected the client to refuse the input itself'),
            (e: unknown) => e,
          );
          expect(refused).toBeInstanceOf(AppError);
          expect((refused as AppError).code).toBe('invalid_input');
          expect((refused as AppError).message.trim()).not.toBe('');
          expect(ctx.conn.sent()).toBe(sentBefore);
        }
        if (row.also) await row.also(ctx);
        expect(snapshot()).toEqual(before);
      });
    }
  });
}
