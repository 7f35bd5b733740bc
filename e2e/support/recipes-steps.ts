// Steps of the recipes journey (e2e/recipes.spec.ts) and its screenshots: four demo leads set up in the sandbox
// around "has tag Beta Tester and not in list Partners", read into the cache, then one of them changed in Kartra
// behind the cache's back (stale) — and a recipe built through the form, which also clears the leads' company.
import { expect, type Page } from '@playwright/test';
import type { RunningHost } from '../../src/host/start-host';
import { DEMO_ACCOUNT } from '../../src/main/core/sandbox';
import { pick } from '../workspace-support';
import type { SandboxLead } from './views-steps';

export interface RecipeLeads {
  /** Meets the conditions in the cache and in Kartra. */
  a: SandboxLead;
  /** Meets them in the cache; lost the tag in Kartra since (stale cache). */
  b: SandboxLead;
  /** In Partners: fails. */
  c: SandboxLead;
  /** Fails in the cache; gained the tag in Kartra since. */
  d: SandboxLead;
}

export async function setUpRecipeLeads(host: RunningHost): Promise<RecipeLeads> {
  const sandbox = host.core.builtinSandbox();
  if (!sandbox) throw new Error('the built-in sandbox is not running');
  const apiKey = DEMO_ACCOUNT.apiKey;
  const [a, b, c, d] = sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted).slice(0, 4).map((l) => l.id);
  const edit = (id: string, e: Omit<Parameters<typeof sandbox.inspect.editLead>[0], 'apiKey' | 'id'>) => sandbox.inspect.editLead({ apiKey, id, ...e });
  for (const id of [a!, b!]) edit(id, { addTags: ['Beta Tester'], unsubscribeLists: ['Partners'], profile: { company: 'Acme' } });
  edit(c!, { addTags: ['Beta Tester'], subscribeLists: ['Partners'] });
  edit(d!, { removeTags: ['Beta Tester'], unsubscribeLists: ['Partners'], profile: { company: 'Globex' } });
  for (const id of [a!, b!, c!, d!]) {
    const reply = await host.core.handle('leads.find', { query: id });
    if (!reply.ok) throw new Error(`leads.find ${id}: ${reply.error.message}`);
  }
  edit(b!, { removeTags: ['Beta Tester'] });
  edit(d!, { addTags: ['Beta Tester'] });
  const get = (id: string) => sandbox.inspect.getLead({ apiKey, id })!;
  return { a: get(a!), b: get(b!), c: get(c!), d: get(d!) };
}

/** New recipe → "if has tag Beta Tester and is not in list Partners": clear Company, remove tag Beta Tester, remove 2 points. */
export async function createConditionalRecipe(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Recipes' }).click();
  await page.getByRole('button', { name: 'New recipe' }).click();
  const form = page.getByRole('form', { name: 'New recipe' });
  await form.getByRole('textbox', { name: /Recipe name/ }).fill(name);
  await form.getByRole('button', { name: 'Add condition' }).click();
  await pick(form, 'Condition 1: tag', 'Beta Tester');
  await form.getByRole('button', { name: 'Add condition' }).click();
  await pick(form, 'Condition 2: test', 'is not in list');
  await pick(form, 'Condition 2: list', 'Partners');
  const untag = form.getByRole('combobox', { name: 'Remove tags', exact: true });
  await untag.fill('Beta Tester');
  await page.getByRole('option', { name: 'Beta Tester', exact: true }).click();
  await untag.press('Escape');
  await form.getByRole('textbox', { name: 'Remove points' }).fill('2');
  const clear = form.getByRole('combobox', { name: 'Clear fields', exact: true });
  await clear.fill('Company');
  await page.getByRole('option', { name: 'Company', exact: true }).click();
  await clear.press('Escape');
  await expect(form.getByText('If has tag Beta Tester and not in list Partners: clear Company, remove tag “Beta Tester”, −2 points')).toBeVisible();
  await form.getByRole('button', { name: 'Save recipe' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('table', { name: 'Recipes' }).getByText('If has tag Beta Tester and not in list Partners:')).toBeVisible();
}
