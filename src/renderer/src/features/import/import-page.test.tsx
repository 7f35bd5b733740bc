// @vitest-environment happy-dom
import '../../testing/setup-dom';
import './testing/bulk-dom-layout';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportDropZone } from './drop-zone';
import { makeImportKit, settle, type ImportKit } from './testing/import-fake-core';
import { ImportPage } from './import-page';
import { renderBulk } from './testing/render-bulk';
import { RunningJobsIndicator } from './running-jobs-indicator';

const CSV = 'Email,First name\nada@example.com,Ada\nnot-an-email,Bob\ncy@example.com,Cy\n';

function setup(kit: ImportKit = makeImportKit()) {
  const view = renderBulk(
    kit.core,
    <>
      <RunningJobsIndicator />
      <ImportDropZone />
      <ImportPage />
    </>,
  );
  return { kit, ...view };
}

async function pickCsv(text = CSV) {
  const input = screen.getByLabelText('CSV or Excel file') as HTMLInputElement;
  const file = new File([text], 'people.csv', { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
  await screen.findByRole('table', { name: 'Column mapping' });
}

async function toReview(kit: ImportKit) {
  await pickCsv();
  fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
  await screen.findByRole('table', { name: 'Rows to import' });
  await waitFor(() => expect(screen.getByLabelText('Exclude row 3')).toBeTruthy());
  return kit;
}

async function toOptions(kit: ImportKit) {
  await toReview(kit);
  fireEvent.click(screen.getByRole('button', { name: 'Continue to options' }));
  await screen.findByRole('button', { name: 'Start import' });
}

/** Through the options to a started import, its progress shown. */
async function startImport(): Promise<ImportKit> {
  const kit = makeImportKit();
  setup(kit);
  await toOptions(kit);
  fireEvent.click(screen.getByLabelText(/^I confirm/));
  fireEvent.click(screen.getByRole('button', { name: 'Start import' }));
  await screen.findByRole('progressbar', { name: 'Import progress' });
  return kit;
}

afterEach(() => vi.restoreAllMocks());

describe('CSV import', () => {
  it('uploads a picked file, shows the analysis and offers the suggested mapping', async () => {
    const { kit } = setup();
    await pickCsv();
    expect(kit.core.callsOf('import.begin')).toEqual([{ fileName: 'people.csv', bytes: CSV.length }]);
    expect(kit.core.callsOf('import.chunk').at(-1)?.final).toBe(true);
    expect(kit.core.callsOf('import.analyze')).toHaveLength(1);
    expect((screen.getByRole('combobox', { name: 'Map column Email' }) as HTMLInputElement).value).toBe('Email');
    expect((screen.getByRole('combobox', { name: 'Map column First name' }) as HTMLInputElement).value).toBe("Don't import");
  });

  it('takes a file dropped anywhere on the window, showing the drop target while dragging', async () => {
    const { kit, shown } = setup();
    const file = new File([CSV], 'dropped.csv', { type: 'text/csv' });
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    act(() => {
      const enter = new Event('dragenter', { bubbles: true, cancelable: true });
      Object.assign(enter, { dataTransfer });
      document.body.dispatchEvent(enter);
    });
    expect(screen.getByText('Drop a CSV or Excel file to import')).toBeTruthy();
    act(() => {
      const drop = new Event('drop', { bubbles: true, cancelable: true });
      Object.assign(drop, { dataTransfer });
      document.body.dispatchEvent(drop);
    });
    await screen.findByRole('table', { name: 'Column mapping' });
    expect(screen.queryByText('Drop a CSV or Excel file to import')).toBeNull();
    expect(kit.core.callsOf('import.begin')[0]?.fileName).toBe('dropped.csv');
    expect(shown).toEqual(['import']);
  });

  it('stops at the File step with the core’s message when the file cannot be imported', async () => {
    setup(makeImportKit({ fatal: 'The file is empty: there is no header row.' }));
    const input = screen.getByLabelText('CSV or Excel file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([''], 'empty.csv')] } });
    expect(await screen.findByText('The file is empty: there is no header row.')).toBeTruthy();
    expect(screen.getByText('This file cannot be imported')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Column mapping' })).toBeNull();
  });

  it('sends the edited mapping to validate, and requires an Email column', async () => {
    const { kit } = setup();
    await pickCsv();
    const first = screen.getByRole('combobox', { name: 'Map column First name' });
    fireEvent.click(first);
    fireEvent.click(await screen.findByRole('option', { name: 'First name' }));
    const email = screen.getByRole('combobox', { name: 'Map column Email' });
    fireEvent.click(email);
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: "Don't import" }));
    expect(screen.getByText('Map a column to Email')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Validate' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(email);
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Email' }));
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    await screen.findByRole('table', { name: 'Rows to import' });
    expect(kit.core.callsOf('import.validate')).toEqual([{ jobId: 'job-1', mapping: { Email: 'email', 'First name': 'first_name' } }]);
  });

  it('filters rows with errors and fixes a cell inline: Enter saves and the row validates again', async () => {
    const kit = makeImportKit();
    setup(kit);
    await toReview(kit);
    fireEvent.click(screen.getByRole('radio', { name: 'With errors' }));
    await waitFor(() => expect(screen.queryByLabelText('Exclude row 1')).toBeNull());
    const cell = screen.getByRole('button', { name: /^Row 2 Email: not-an-email/ });
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(cell.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('not a valid email address');
    fireEvent.click(cell);
    const input = screen.getByRole('textbox', { name: 'Row 2 Email' });
    fireEvent.change(input, { target: { value: 'bob@example.com' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const fixed = await screen.findByRole('button', { name: /^Row 2 Email: bob@example.com/ });
    expect(fixed.getAttribute('aria-invalid')).toBeNull();
    expect(kit.core.callsOf('import.fixCell')).toEqual([{ jobId: 'job-1', row: 2, column: 'Email', value: 'bob@example.com' }]);
    expect(within(screen.getByRole('group', { name: 'Row counts' })).getByTestId('count-with-errors').textContent).toContain('0');
  });

  it('excludes and includes a row', async () => {
    const kit = makeImportKit();
    setup(kit);
    await toReview(kit);
    fireEvent.click(screen.getByLabelText('Exclude row 3'));
    await waitFor(() => expect((screen.getByLabelText('Exclude row 3') as HTMLInputElement).checked).toBe(true));
    expect(kit.core.callsOf('import.exclude')).toEqual([{ jobId: 'job-1', rows: [3], excluded: true }]);
    expect(screen.getByTestId('count-excluded').textContent).toContain('1');
    fireEvent.click(screen.getByLabelText('Exclude row 3'));
    await waitFor(() => expect((screen.getByLabelText('Exclude row 3') as HTMLInputElement).checked).toBe(false));
    expect(kit.core.callsOf('import.exclude')[1]).toEqual({ jobId: 'job-1', rows: [3], excluded: false });
  });

  it('keeps Start disabled until the GDPR declaration is confirmed, then starts with the options', async () => {
    const kit = makeImportKit();
    setup(kit);
    await toOptions(kit);
    expect(screen.getByTestId('gdpr-notice')).toBeTruthy();
    const start = screen.getByRole('button', { name: 'Start import' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/^I confirm/));
    expect(start.disabled).toBe(false);
    fireEvent.click(start);
    await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(kit.core.callsOf('import.start')).toEqual([
      { jobId: 'job-1', options: { mode: 'upsert', existing: 'keep', tags: [], lists: [], sequence: null, points: 0, gdprConfirmed: true } },
    ]);
  });

  it('shows live progress from job.progress, pauses and resumes, and the header indicator follows', async () => {
    const kit = makeImportKit();
    setup(kit);
    await toOptions(kit);
    fireEvent.click(screen.getByLabelText(/^I confirm/));
    fireEvent.click(screen.getByRole('button', { name: 'Start import' }));
    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    settle(kit, { 1: { status: 'created' } });
    act(() => void kit.push({ status: 'running', rowsPerSec: 6.25, callsPerSec: 13, etaSec: 4 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByTestId('count-created').textContent).toContain('1');
    const stats = screen.getByRole('group', { name: 'Run statistics' });
    expect(within(stats).getByText('6.3')).toBeTruthy();
    expect(within(stats).getByText('4 s')).toBeTruthy();
    // Requests per second come from the limiter's own state, not from the job's estimate (13 above).
    expect(within(stats).queryByText('13')).toBeNull();
    act(() => kit.core.emit('limiter.state', { appId: 'app', queued: { interactive: 0, outbox: 0, bulk: 3 }, inFlight: 4, startsLastSecond: 17, limit: 20, count429: 0, pausedUntil: null }));
    expect(within(stats).getByText('17 of 20')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Import running: people.csv, 50%/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await screen.findByRole('button', { name: 'Resume' });
    expect(kit.core.callsOf('jobs.pause')).toEqual([{ jobId: 'job-1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await screen.findByRole('button', { name: 'Pause' });
    expect(screen.getByRole('button', { name: 'Cancel import' })).toBeTruthy();
  });

  it('a job paused on its first row shows the question in words, with Resume and Cancel', async () => {
    const kit = await startImport();
    // As the core's bulk producer words it (writes/step-question.ts) after Kartra answered 230 on row 1.
    const question =
      "Paused after the first row: Kartra has no step 9 in 'Webinar Follow-up' — check the box number in the sequence builder. The other rows carry the same step and have not been sent; resume to send them anyway, or cancel the job.";
    settle(kit, { 1: { status: 'failed', outcome: 'Kartra has no step 9' } });
    act(() => void kit.push({ status: 'paused', error: question }));
    expect(await screen.findByText(question)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel import' })).toBeTruthy();
  });

  it('reports the outcome with Kartra’s reasons and downloads the failed rows as CSV', async () => {
    const kit = await startImport();
    settle(kit, { 1: { status: 'created' }, 3: { status: 'failed', outcome: 'Kartra: the lead is blacklisted' } });
    act(() => void kit.push({ status: 'finished' }));
    const table = await screen.findByRole('table', { name: 'Rows not imported' });
    await within(table).findByText('Kartra: the lead is blacklisted');

    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:failed';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download failed rows (CSV)' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toBe('people-failed.csv');
    expect(await created[0]!.text()).toContain('cy@example.com,Cy,Kartra: the lead is blacklisted');
    expect(kit.core.callsOf('jobs.exportFailed')).toEqual([{ jobId: 'job-1' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Import another file' }));
    expect(screen.getByText(/Drop a CSV or Excel \(\.xlsx\) file anywhere/)).toBeTruthy();
  });
});
