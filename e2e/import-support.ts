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
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, text },
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
