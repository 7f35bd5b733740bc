// Recipes: saved, named bundles of lead actions (with if/and conditions) per account, previewed from the cache and
// applied to many leads through the same journaled runner as imports.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LeadAction } from '../../../shared/domain/actions';
import type { JobProgress, Recipe, RecipeTarget } from '../../../shared/domain/import';
import type { RecipeCondition } from '../../../shared/domain/recipe-conditions';
import type { RecipePreview } from '../../../shared/domain/recipe-preview';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import { parseDefinition, storedDefinition } from './recipe-definition';
import { previewRecipe } from './recipe-preview';
import type { AccountService } from '../account/account-service';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import { csvLine } from '../import/csv-write';
import { jobDir } from '../import/upload';
import type { Db } from '../store/database';
import type { JobRepo, PageLayout } from './job-repo';
import type { JobsService } from './jobs-service';
import { RECIPE_HEADERS } from './row-plans';
import { chainOrder } from '../writes/row-chain';
import { PAGE_SIZE, type RowRepo } from './row-repo';
import { ensurePrivateDir, PRIVATE_FILE } from '../store/private-files';

export interface RecipesServiceDeps {
  dataDir: string;
  db: Db;
  connection: ConnectionService;
  account: AccountService;
  jobs: JobRepo;
  rows: RowRepo;
  runner: JobsService;
  cache: LeadCacheRepo;
}

interface Raw {
  id: string;
  name: string;
  actions_json: string;
  updated_at: number;
}

const toRecipe = (r: Raw): Recipe => ({ id: r.id, name: r.name, ...parseDefinition(r.actions_json), updatedAt: r.updated_at });

export class RecipesService {
  constructor(private readonly deps: RecipesServiceDeps) {}

  list(): { recipes: Recipe[] } {
    const { account } = this.deps.connection.require();
    const rows = this.deps.db.prepare('SELECT id, name, actions_json, updated_at FROM recipes WHERE account_id = ? ORDER BY name COLLATE NOCASE').all(account.id) as unknown as Raw[];
    return { recipes: rows.map(toRecipe) };
  }

  async save(input: { id?: string; name: string; actions: LeadAction[]; conditions?: RecipeCondition[]; clear?: string[] }): Promise<Recipe> {
    const { account } = this.deps.connection.require();
    if (input.id !== undefined && !this.find(account.id, input.id)) throw new AppError('not_found', 'That recipe no longer exists.', { details: { field: 'id' } });
    const clash = this.list().recipes.find((r) => r.name.toLowerCase() === input.name.toLowerCase() && r.id !== input.id);
    if (clash) throw new AppError('already_exists', `A recipe named "${clash.name}" already exists; pick another name or edit that one.`, { details: { field: 'name' } });
    await this.deps.account.assertNamesExist(input.actions);
    const id = input.id ?? randomUUID();
    const now = Date.now();
    this.deps.db
      .prepare(
        `INSERT INTO recipes (id, account_id, name, actions_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, actions_json = excluded.actions_json, updated_at = excluded.updated_at`,
      )
      .run(id, account.id, input.name, storedDefinition(input.actions, input.conditions ?? [], [...new Set(input.clear ?? [])]), now);
    return this.find(account.id, id)!;
  }

  delete(id: string): { recipes: Recipe[] } {
    const { account } = this.deps.connection.require();
    if (!this.find(account.id, id)) throw new AppError('not_found', 'That recipe no longer exists.', { details: { field: 'id' } });
    this.deps.db.prepare('DELETE FROM recipes WHERE id = ? AND account_id = ?').run(id, account.id);
    return this.list();
  }

  /** What a run on these leads would do, judged from the cache; nothing is sent. */
  preview(recipeId: string, target: RecipeTarget): RecipePreview {
    const { account } = this.deps.connection.require();
    const recipe = this.require(account.id, recipeId);
    return previewRecipe(recipe, this.targetsOf(target), (ref) => this.deps.cache.get(account.id, ref)?.lead);
  }

  /**
   * One journaled job: a row per lead — a fresh read when the recipe has conditions or clears fields, then one
   * chained call (headed by edit_lead when it clears fields) — on the bulk lane.
   */
  async apply(recipeId: string, target: RecipeTarget): Promise<JobProgress> {
    const { account } = this.deps.connection.require();
    const recipe = this.require(account.id, recipeId);
    const targets = this.targetsOf(target);
    const actions = chainOrder(recipe.actions);
    await this.deps.account.assertNamesExist(actions);
    const id = randomUUID();
    const job = this.deps.jobs.create({
      id,
      accountId: account.id,
      kind: 'recipe',
      name: recipe.name,
      status: 'running',
      total: targets.length,
      headers: RECIPE_HEADERS,
      plan: { kind: 'recipe', recipeId, actions, conditions: recipe.conditions ?? [], clear: recipe.clear ?? [] },
      layout: writeTargets(jobDir(this.deps.dataDir, id), targets),
    });
    return this.deps.runner.start(job.id);
  }

  private require(accountId: string, recipeId: string): Recipe {
    const recipe = this.find(accountId, recipeId);
    if (!recipe) throw new AppError('not_found', 'That recipe no longer exists.', { details: { field: 'recipeId' } });
    return recipe;
  }

  /** The run's leads as [lead id, email] (either may be empty); never empty. */
  private targetsOf(target: RecipeTarget): string[][] {
    const targets = this.targets(target);
    if (targets.length === 0) throw new AppError('invalid_input', 'That import has no leads in Kartra yet (nothing was created or updated).', { details: { field: 'target' } });
    return targets;
  }

  private targets(target: RecipeTarget): string[][] {
    if ('leadIds' in target) return [...new Set(target.leadIds)].map((id) => [id, '']);
    if ('emails' in target) {
      const seen = new Set<string>();
      return target.emails.filter((e) => !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase())).map((email) => ['', email]);
    }
    const job = this.deps.runner.require(target.importJobId);
    if (job.kind !== 'import') throw new AppError('invalid_input', 'Pick an import, not a recipe run, as the target.', { details: { field: 'target.importJobId' } });
    return this.deps.rows.leadsOf(job.id).map((l) => [l.leadId ?? '', l.email ?? '']);
  }

  private find(accountId: string, id: string): Recipe | undefined {
    const raw = this.deps.db.prepare('SELECT id, name, actions_json, updated_at FROM recipes WHERE id = ? AND account_id = ?').get(id, accountId) as Raw | undefined;
    return raw && toRecipe(raw);
  }
}

/** The run's leads as a small CSV in the job's folder, read page by page like an import's file. */
function writeTargets(folder: string, targets: string[][]): PageLayout {
  ensurePrivateDir(folder);
  const path = join(folder, 'targets.csv');
  const parts = [csvLine(RECIPE_HEADERS)];
  let offset = Buffer.byteLength(parts[0]!);
  const starts: number[] = [];
  targets.forEach((target, i) => {
    if (i % PAGE_SIZE === 0) starts.push(offset);
    const line = csvLine(target);
    parts.push(line);
    offset += Buffer.byteLength(line);
  });
  writeFileSync(path, parts.join(''), PRIVATE_FILE);
  return { path, delimiter: ',', sepLine: false, pageSize: PAGE_SIZE, starts, end: offset };
}
