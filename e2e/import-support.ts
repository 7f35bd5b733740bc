// Steps of the CSV import journeys (e2e/import.spec.ts): build a CSV, drop it on the window as a user does,
// walk the steps, and read the sandbox's own state — the checks go through the sandbox, not the UI.
import { expect, type Page } from '@playwright/test';

/** A CSV of `count` new leads with unique emails; the rows in `badRows` (1-based) get an invalid email. */
export function makeCsv(stamp: string, count: number, badRows: readonly number[] = []): { csv: string; emails: string[] } {
  const emails: string[] = [];
  const lines = ['Email,First Name,Last Name,City'];
  for (let row = 1; row <= count; row++) {
    const email = badRows.includes(row) ? `not-an-email-${row}` : `import.${stamp}.${row}@example.org`;
    emails.push(email);
    lines.push(`${email},Person${row},Import${row},"Bristol, UK"`);
  }
  return { csv: lines.join('\r\n') + '\r\n', emails };
}

/**
 * Drops a file on the window the way the browser does: dragenter / dragover (the drop target appears)
 * and drop, each carrying a DataTransfer that holds the File.
 */
export async function dropFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  const base64 = (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64');
  const type = name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64, type }) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type }));
      return transfer;
    },
    { name, base64, type },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await expect(page.getByText('Drop a CSV or Excel file to import')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await dataTransfer.dispose();
  await expect(page.getByText('Drop a CSV or Excel file to import')).toBeHidden();
}

/** Picks an option of a Mantine MultiSelect by its label, then closes the dropdown. */
export async function pickMany(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
  await box.press('Escape');
}

/** The count shown under a label in a group (report, run statistics, row counts). */
export function countIn(page: Page, group: string, label: string) {
  return page.getByRole('group', { name: group }).getByTestId(`count-${label.toLowerCase().replace(/\s+/g, '-')}`);
}

/** From a dropped file to the validated review table, accepting the suggested mapping. */
export async function validateMapping(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByRole('table', { name: 'Rows to import' })).toBeVisible({ timeout: 20_000 });
}

export async function confirmAndStart(page: Page): Promise<void> {
  await page.getByLabel(/^I confirm/).check();
  await page.getByRole('button', { name: 'Start import' }).click();
}

/** Screenshots of one import step at both judged window sizes (1440×900 and 1024×700), for a person to look at. */
export async function shootStep(page: Page, step: string): Promise<void> {
  const dir = process.env.IMPORT_SHOTS_DIR;
  if (!dir) return;
  const before = page.viewportSize();
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${dir}/${step}-${width}x${height}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
