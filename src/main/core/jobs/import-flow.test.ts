// An import end to end through the core against the sandbox: chunked upload, analysis, validation, the run
// (one call per new lead, two for an existing one: its details kept by default), the report, and the refusals before anything is sent.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportRow, JobProgress } from '../../../shared/domain/import';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { analyze, connectedCore, freshEmail, upload, waitForJob } from './testing/import-test-kit';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const apiKey = DEMO_ACCOUNT.apiKey;

describe('import flow', () => {
  it('maps aliases, flags bad and duplicate rows, sends one call per new lead and two for an existing one', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const [a, b, c] = [freshEmail('a'), freshEmail('b'), freshEmail('c')];
    const csv = [
      'E-mail;First Name;Surname;Zip code;Country;Time zone;Company size',
      `${a};Åsa;Lind;0150;NO;europe/london;2-10`,
      `${b};Bob;"Smith; Jr";10115;Germany;;just me`,
      `${DEMO_LEAD_EMAIL};Demo Renamed;;;;;`,
      `not-an-email;X;;;;;`,
      `${c};Cy;;;Narnia;Mars/Base;huge`,
      `${a.toUpperCase()};Again;;;;;`,
    ].join('\r\n');
    // Small chunks: the upload path must keep the byte order across many calls.
    const jobId = await upload(core, 'leads.csv', csv, 37);
    const analysis = await analyze(core, jobId);
    expect(analysis).toMatchObject({ encoding: 'utf-8', delimiter: ';', rowCount: 6, problems: [], mappingRemembered: false });
    expect(analysis.suggestedMapping).toEqual({
      'E-mail': 'email',
      'First Name': 'first_name',
      Surname: 'last_name',
      'Zip code': 'zip',
      Country: 'country',
      'Time zone': 'lead_preferred_time_zone',
      'Company size': 'custom:company_size',
    });

    const validated = valueOf<JobProgress>(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
    expect(validated.status).toBe('validated');
    expect(validated.counts).toMatchObject({ total: 6, ready: 3, invalid: 3, excluded: 0 });
    const invalid = valueOf<{ rows: ImportRow[]; total: number }>(await core.handle('import.rows', { jobId, statuses: ['invalid'] }));
    expect(invalid.total).toBe(3);
    const byRow = new Map(invalid.rows.map((r) => [r.row, r.errors.map((e) => `${e.column}: ${e.message}`).join(' | ')]));
    expect(byRow.get(4)).toContain('E-mail: "not-an-email" is not a valid email address');
    expect(byRow.get(5)).toContain('Country: "Narnia" is not a country name');
    expect(byRow.get(5)).toContain('Time zone: "Mars/Base" is not one of the 76 time zones');
    expect(byRow.get(5)).toContain('Company size: "huge" is not one of the options of company_size (Just me, 2-10');
    expect(byRow.get(6)).toBe('E-mail: duplicate of row 1: the same email address appears earlier in the file');

    // Refusals before anything is sent.
    const noGdpr = errorOf(await core.handle('import.start', { jobId, options: { mode: 'upsert', gdprConfirmed: false } }));
    expect(noGdpr).toMatchObject({ code: 'invalid_input' });
    expect(noGdpr.message).toContain('never marked as having accepted GDPR terms');
    const unknownTag = errorOf(await core.handle('import.start', { jobId, options: { mode: 'upsert', tags: ['No Such Tag'], gdprConfirmed: true } }));
    expect(unknownTag.message).toContain('No tag named "No Such Tag" exists in this Kartra account.');
    expect(sandbox.inspect.getLead({ apiKey, email: a })).toBeNull();

    valueOf(await core.handle('account.lists', {})); // the name check above already read tags; read lists too
    const before = sandbox.stats().requests;
    const started = valueOf<JobProgress>(
      await core.handle('import.start', { jobId, options: { mode: 'upsert', tags: ['VIP'], lists: ['Newsletter'], points: 5, gdprConfirmed: true } }),
    );
    expect(started.status).toBe('running');
    const done = await waitForJob(core, jobId);
    expect(done).toMatchObject({ status: 'finished', counts: { total: 6, created: 2, updated: 1, ready: 0, invalid: 3, failed: 0 } });
    // Two new leads: one chained call each; the existing one (default policy "keep"): create → 244 → the chain bare.
    expect(done.calls).toBe(4);
    expect(sandbox.stats().requests - before).toBe(4);

    const leadA = sandbox.inspect.getLead({ apiKey, email: a })!;
    expect(leadA.profile).toMatchObject({ first_name: 'Åsa', last_name: 'Lind', zip: '0150', country: 'Norway', lead_preferred_time_zone: 'Europe/London' });
    expect(leadA.tags).toContain('VIP');
    expect(leadA.lists).toContainEqual({ name: 'Newsletter', active: true });
    expect(leadA.score).toBe(5);
    expect(leadA.customFields.company_size).toEqual(['602']);
    const leadB = sandbox.inspect.getLead({ apiKey, email: b })!;
    expect(leadB.profile).toMatchObject({ last_name: 'Smith; Jr', country: 'Germany' });
    expect(leadB.customFields.company_size).toEqual(['601']);
    const demo = sandbox.inspect.getLead({ apiKey, email: DEMO_LEAD_EMAIL })!;
    expect(demo.profile.first_name).not.toBe('Demo Renamed');
    expect(demo.tags).toContain('VIP');

    const report = valueOf<{ fileName: string; csv: string; rows: number }>(await core.handle('jobs.exportFailed', { jobId }));
    expect(report.fileName).toBe('leads-failed.csv');
    expect(report.rows).toBe(3);
    const records = parse(report.csv, { bom: true }) as string[][];
    expect(records[0]).toEqual(['E-mail', 'First Name', 'Surname', 'Zip code', 'Country', 'Time zone', 'Company size', 'error']);
    expect(records[1]?.[0]).toBe('not-an-email');
    expect(records[3]?.[7]).toContain('duplicate of row 1');

    const listed = valueOf<{ jobs: JobProgress[] }>(await core.handle('jobs.list', {}));
    expect(listed.jobs[0]).toMatchObject({ jobId, kind: 'import', name: 'leads.csv', status: 'finished' });
  });

  it('fixes a cell inline, excludes rows, and remembers the mapping for the same columns', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const [a, b] = [freshEmail('fix'), freshEmail('fix')];
    const jobId = await upload(core, 'fix.csv', `Mail,Name,Notes\n${a},Ann,x\nbroken@,Ben,y\n${b},Cid,z\n`);
    const analysis = await analyze(core, jobId);
    const mapping = { Mail: 'email', Name: 'last_name', Notes: 'ignore' };
    expect(analysis.suggestedMapping).toEqual({ Mail: 'email', Name: 'ignore', Notes: 'ignore' });
    valueOf(await core.handle('import.validate', { jobId, mapping }));

    const fixed = valueOf<ImportRow>(await core.handle('import.fixCell', { jobId, row: 2, column: 'Mail', value: a }));
    expect(fixed).toMatchObject({ row: 2, status: 'invalid', values: { Mail: a, Name: 'Ben' } });
    expect(fixed.errors[0]?.message).toBe('duplicate of row 1: the same email address appears earlier in the file');
    const fixedAgain = valueOf<ImportRow>(await core.handle('import.fixCell', { jobId, row: 2, column: 'Mail', value: 'ben@example.net' }));
    expect(fixedAgain).toMatchObject({ status: 'ready', errors: [] });
    const excluded = valueOf<JobProgress>(await core.handle('import.exclude', { jobId, rows: [3], excluded: true }));
    expect(excluded.counts).toMatchObject({ ready: 2, invalid: 0, excluded: 1 });
    expect(errorOf(await core.handle('import.fixCell', { jobId, row: 9, column: 'Mail', value: 'x' })).message).toContain('Row 9 does not exist');
    expect(errorOf(await core.handle('import.fixCell', { jobId, row: 1, column: 'Nope', value: 'x' })).message).toContain('no column "Nope"');

    valueOf(await core.handle('import.start', { jobId, options: { mode: 'create', gdprConfirmed: true } }));
    const done = await waitForJob(core, jobId);
    expect(done.counts).toMatchObject({ created: 2, excluded: 1 });
    expect(sandbox.inspect.getLead({ apiKey, email: 'ben@example.net' })?.profile.last_name).toBe('Ben');
    expect(sandbox.inspect.getLead({ apiKey, email: b })).toBeNull();
    expect(errorOf(await core.handle('import.exclude', { jobId, rows: [1], excluded: true })).message).toContain('finished');

    // The same columns in another order and case: the confirmed mapping comes back.
    const second = await upload(core, 'again.csv', `notes,NAME,mail\nq,Dee,${freshEmail('again')}\n`);
    const again = await analyze(core, second);
    expect(again.mappingRemembered).toBe(true);
    expect(again.suggestedMapping).toEqual({ notes: 'ignore', NAME: 'last_name', mail: 'email' });
  });

  it('skips existing leads in create-only mode and missing ones in update-only mode', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const fresh = freshEmail('only');
    const csv = `email,first_name\n${DEMO_LEAD_EMAIL},Kept\n${fresh},New\n`;
    const createJob = await upload(core, 'create.csv', csv);
    valueOf(await core.handle('import.validate', { jobId: createJob, mapping: (await analyze(core, createJob)).suggestedMapping }));
    valueOf(await core.handle('import.start', { jobId: createJob, options: { mode: 'create', gdprConfirmed: true } }));
    expect((await waitForJob(core, createJob)).counts).toMatchObject({ created: 1, skipped: 1 });
    expect(sandbox.inspect.getLead({ apiKey, email: DEMO_LEAD_EMAIL })?.profile.first_name).not.toBe('Kept');

    const missing = freshEmail('missing');
    const updateJob = await upload(core, 'update.csv', `email,first_name\n${fresh},Renamed\n${missing},Ghost\n`);
    valueOf(await core.handle('import.validate', { jobId: updateJob, mapping: (await analyze(core, updateJob)).suggestedMapping }));
    valueOf(await core.handle('import.start', { jobId: updateJob, options: { mode: 'update', existing: 'overwrite', gdprConfirmed: true } }));
    const done = await waitForJob(core, updateJob);
    expect(done.counts).toMatchObject({ updated: 1, skipped: 1 });
    expect(sandbox.inspect.getLead({ apiKey, email: fresh })?.profile.first_name).toBe('Renamed');
    expect(sandbox.inspect.getLead({ apiKey, email: missing })).toBeNull();
    const skipped = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: updateJob, statuses: ['skipped'] }));
    expect(skipped.rows[0]?.outcome).toBe('No lead with this email in Kartra (update only: not created)');
  });

  it('refuses out-of-order, oversized, malformed and incomplete uploads with clear errors', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    expect(errorOf(await core.handle('import.begin', { fileName: 'huge.csv', bytes: 1024 ** 3 + 1 })).message).toContain('up to 1 GB');
    const { jobId } = valueOf<{ jobId: string }>(await core.handle('import.begin', { fileName: 'a.csv', bytes: 10 }));
    const chunk = (offset: number, text: string, final = false) => core.handle('import.chunk', { jobId, offset, data: Buffer.from(text).toString('base64'), final });
    expect(errorOf(await chunk(4, 'abcd')).message).toContain('send the chunk that starts at byte 0');
    expect(errorOf(await core.handle('import.chunk', { jobId, offset: 0, data: 'a*b=', final: false })).message).toBe('The chunk is not valid base64.');
    expect(valueOf<{ received: number }>(await chunk(0, 'email\n'))).toEqual({ received: 6 });
    expect(errorOf(await chunk(6, 'x@', true)).message).toContain('after 8 of 10 bytes');
    expect(errorOf(await chunk(6, 'x@y.com\n')).message).toContain('announced as 10 bytes but 14');
    expect(errorOf(await core.handle('import.analyze', { jobId })).message).toContain('6 of 10 bytes');
    expect(errorOf(await core.handle('import.validate', { jobId, mapping: {} })).message).toContain('still being received');

    const other = await upload(core, 'ok.csv', 'email\nq@example.net\n');
    await analyze(core, other);
    expect(errorOf(await core.handle('import.validate', { jobId: other, mapping: { email: 'ignore' } })).message).toBe(
      'Map one column to email: Kartra identifies every lead by its email address.',
    );
    expect(errorOf(await core.handle('import.validate', { jobId: other, mapping: { mail: 'email' } })).message).toContain('no column named "mail"');
    expect(errorOf(await core.handle('import.validate', { jobId: other, mapping: { email: 'custom:shoe_size' } })).message).toContain('no custom field "shoe_size"');
    expect(errorOf(await core.handle('jobs.get', { jobId: '00000000-0000-0000-0000-000000000000' })).code).toBe('not_found');
  });

  it('reads a file on disk where it lies, and refuses to run it once it has changed underneath', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const file = join(h.tempDir('lead-desk-file-'), 'disk.csv');
    writeFileSync(file, `email\n${freshEmail('disk')}\n`);
    const { jobId } = await core.importFile(file);
    valueOf(await core.handle('import.validate', { jobId, mapping: (await analyze(core, jobId)).suggestedMapping }));
    appendFileSync(file, `${freshEmail('late')}\n`);
    valueOf(await core.handle('import.start', { jobId, options: { mode: 'create', gdprConfirmed: true } }));
    const failed = await waitForJob(core, jobId);
    expect(failed).toMatchObject({ status: 'failed', counts: { created: 0 } });
    expect(failed.error).toContain('changed or was removed after it was read');
  });
});
