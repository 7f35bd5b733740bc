// Sequences by name, steps typed (kartra-api.md §0.4 E6) in the lead profile against the sandbox: a typed step
// subscribes the lead; a step the sequence does not have is explained in words (230); the step that worked is
// suggested the next time, the refused one is not. Screenshots of the sequence form at 1440×900 and 1024×700.
import type { Page } from '@playwright/test';
import { DEMO_LEAD_EMAIL } from '../src/main/core/sandbox';
import { expect, test } from './fixtures';
import { connectSandbox } from './journeys/sandbox-journey';
import { applyStaged, assignmentKind, assignments, openLead, pick, profileRegion, sandboxOf } from './workspace-support';

test.describe.configure({ timeout: 90_000 });

const stepBox = (page: Page) => assignments(page).getByRole('combobox', { name: 'Step', exact: true });

async function stageStep(page: Page, step: string): Promise<void> {
  await stepBox(page).fill(step);
  await assignments(page).getByRole('button', { name: 'Subscribe at step' }).click();
}

test('subscribe at a typed step; a wrong step shows the 230 explanation; the step used before is suggested', async ({ app, host }, testInfo) => {
  await app.setViewportSize({ width: 1440, height: 900 });
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const before = kartra.lead({ email: DEMO_LEAD_EMAIL });
  // A sequence the demo lead is not in, with fewer than seven boxes in the sandbox's builder.
  const sequence = kartra.catalog().sequences.find((s) => !before.sequences.some((m) => m.name === s.name) && s.steps.includes('3') && !s.steps.includes('7'));
  if (!sequence) throw new Error('the demo catalog has no sequence the demo lead is outside of');
  await openLead(app, DEMO_LEAD_EMAIL, `${before.profile.first_name} ${before.profile.last_name}`);

  // 1. Nothing used before: the box offers no suggestion and explains what to type.
  await assignmentKind(app, 'Sequence');
  await pick(assignments(app), 'Sequence', sequence.name);
  await stepBox(app).click();
  await expect(assignments(app).getByText('The box number in Kartra’s sequence builder')).toBeVisible();
  await expect(app.getByRole('option')).toHaveCount(0);

  // 2. A typed step that exists: the lead is in the sequence at that step.
  await stageStep(app, '3');
  await applyStaged(app, 1);
  await expect.poll(() => kartra.lead({ email: DEMO_LEAD_EMAIL }).sequences.find((s) => s.name === sequence.name)).toEqual({ name: sequence.name, step: '3', status: 'active' });

  // 3. A step the sequence does not have: Kartra answers 230, shown in words on the change.
  await stageStep(app, '7');
  await assignments(app).getByRole('button', { name: 'Apply changes (1)' }).click();
  const explanation = `Kartra has no step 7 in '${sequence.name}' — check the box number in the sequence builder.`;
  await expect(assignments(app).getByRole('alert')).toContainText(`Kartra refused the change${explanation}`, { timeout: 15_000 });
  // The refused change stays in the outbox with the same words, where it can be retried or discarded.
  await expect(profileRegion(app).getByRole('list', { name: 'Pending changes' })).toContainText(explanation);
  expect(kartra.lead({ email: DEMO_LEAD_EMAIL }).sequences.find((s) => s.name === sequence.name)?.step).toBe('3');
  await app.screenshot({ path: testInfo.outputPath('sequence-230-1440x900.png') });
  await assignments(app).getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(assignments(app).getByText('Nothing staged yet.')).toBeVisible();
  await assignments(app).getByRole('alert').getByRole('button').click();
  await expect(assignments(app).getByRole('alert')).toHaveCount(0);

  // 4. Next time: the step that worked is offered, the refused one is not.
  // (Another kind of assignment and back: the sequence form starts empty again, as on the next visit.)
  await assignmentKind(app, 'Tags');
  await assignmentKind(app, 'Sequence');
  await pick(assignments(app), 'Sequence', sequence.name);
  await stepBox(app).click();
  await expect(app.getByRole('option', { name: '3', exact: true })).toBeVisible();
  await expect(app.getByRole('option', { name: '7', exact: true })).toHaveCount(0);
  await assignments(app).scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('sequence-form-1440x900.png') });
  await app.setViewportSize({ width: 1024, height: 700 });
  await stepBox(app).click();
  await expect(app.getByRole('option', { name: '3', exact: true })).toBeVisible();
  await assignments(app).scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('sequence-form-1024x700.png') });
  await app.getByRole('option', { name: '3', exact: true }).click();
  await expect(stepBox(app)).toHaveValue('3');
});
