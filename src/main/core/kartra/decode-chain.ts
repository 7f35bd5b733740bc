// Turns the answer to a chained call (actions[0..n]) into one ActionResult per sent action, whichever failure style Kartra used.
//
// Kartra does not document what a chain does when an action fails (kartra-api.md §3.2, §14.8),
// so both plausible behaviours are read:
//  - "stop": top-level status Error (message/type at top level), `actions` holds only the
//    entries up to the failure (or none at all); the untried actions are reported as not run.
//  - "continue": top-level Success, every action has its own entry and status.
// A top-level error that no entry explains is pinned on the action that can emit its code
// (212 → assign_tag); a global or unknown code is pinned on the first unexplained action.
import type { ActionResult } from '../../../shared/domain/actions';
import { badResponse, type ActionEntry, type DecodedResponse } from './decode';
import { cmdsForKartraCode } from './error-codes';

export const NOT_RUN_MESSAGE = 'Not run: Kartra stopped the chain after an earlier action failed';
const DONE_MESSAGE = 'Done';

export function chainResults(decoded: DecodedResponse, cmds: readonly string[]): ActionResult[] {
  if (decoded.status === 'none' && decoded.entries.length === 0) throw badResponse("Kartra's answer to a chained call carried no status");
  const matched = matchEntries(decoded.entries, cmds);

  const explained = matched.some((entry) => entry?.status === 'error');
  if (decoded.status === 'error' && !explained) {
    const target = blameIndex(matched, cmds, decoded.type);
    if (target !== null) {
      matched[target] = { cmd: cmds[target] ?? '', status: 'error', message: decoded.message, type: decoded.type, data: decoded.data };
    }
  }

  const results: ActionResult[] = [];
  let failed = false;
  let topMessageUsed = false;
  cmds.forEach((cmd, index) => {
    const entry = matched[index];
    if (entry) {
      const ok = entry.status !== 'error';
      failed ||= !ok;
      results.push(toResult(cmd, ok, entry.message || (ok ? DONE_MESSAGE : 'Kartra reported an error without a message'), entry.type));
      return;
    }
    if (failed) {
      results.push({ cmd, ok: false, notRun: true, message: NOT_RUN_MESSAGE });
      return;
    }
    // No entry and no failure before it: the chain got past this action. A flat success body
    // (one action, or search_lead's "Lead found") describes the first such action.
    if (!topMessageUsed && decoded.status === 'success' && decoded.message) {
      topMessageUsed = true;
      results.push(toResult(cmd, true, decoded.message, decoded.type));
      return;
    }
    results.push({ cmd, ok: true, message: DONE_MESSAGE });
  });
  return results;
}

function toResult(cmd: string, ok: boolean, message: string, type: string): ActionResult {
  return type ? { cmd, ok, message, kartraType: type } : { cmd, ok, message };
}

/** Pair entries with cmds in order, by cmd name (an entry may be missing for the anchor). */
function matchEntries(entries: readonly ActionEntry[], cmds: readonly string[]): (ActionEntry | undefined)[] {
  const matched: (ActionEntry | undefined)[] = cmds.map(() => undefined);
  let cursor = 0;
  cmds.forEach((cmd, index) => {
    for (let j = cursor; j < entries.length; j++) {
      if (entries[j]?.cmd === cmd) {
        matched[index] = entries[j];
        cursor = j + 1;
        return;
      }
    }
  });
  return matched;
}

function blameIndex(matched: readonly (ActionEntry | undefined)[], cmds: readonly string[], type: string): number | null {
  const open = cmds.map((_, i) => i).filter((i) => matched[i] === undefined);
  if (open.length === 0) return null;
  const owners = cmdsForKartraCode(type);
  const owner = open.find((i) => owners.includes(cmds[i] ?? ''));
  return owner ?? open[0] ?? null;
}
