// The one outcome rule: turns the answer to a chained call (actions[0..n]) into one result per sent action —
// done, failed (with Kartra's code) or unknown — whichever way Kartra answered (kartra-api.md §0.4 E1–E4).
//
// - An action with its own entry in `actions[i]` ends as that entry says (envelope, both chain modes).
// - A single action answered flat ends as the flat body says (E1 flat success, E2 flat error).
// - A flat error that does not say which action failed blames nobody: every action without an entry is
//   unknown, since later actions of a chain still run in Kartra (E3). Two exceptions are certain:
//   a code of the checks every call passes first (credentials, structure) — nothing ran; and a code only the
//   create_lead/edit_lead at actions[0] can give — the chain had no lead to act on, so nothing after it ran.
// - An answer with fewer results than actions leaves the rest unknown.
// Unknown results are settled by the write queue's verifier (core/writes/verifier.ts), never here.
import type { ActionResult } from '../../../shared/domain/actions';
import { badResponse, type ActionEntry, type DecodedResponse } from './decode';
import { cmdsForKartraCode, isGlobalKartraCode } from './error-codes';

export const UNKNOWN_MESSAGE = "Kartra's answer did not say whether this was applied";
const DONE_MESSAGE = 'Done';
const HEADS = new Set(['create_lead', 'edit_lead']);

export function chainResults(decoded: DecodedResponse, cmds: readonly string[]): ActionResult[] {
  if (decoded.status === 'none' && decoded.entries.length === 0) throw badResponse("Kartra's answer to a chained call carried no status");
  const matched = matchEntries(decoded.entries, cmds);
  const flat = decoded.entries.length === 0;

  return cmds.map((cmd, index): ActionResult => {
    const entry = matched[index];
    if (entry) {
      const ok = entry.status !== 'error';
      return toResult(cmd, ok, entry.message || (ok ? DONE_MESSAGE : 'Kartra reported an error without a message'), entry.type);
    }
    if (decoded.status === 'error' && !matched.some((e) => e?.status === 'error')) {
      // A top-level error no entry explains.
      if (cmds.length === 1 || isGlobalKartraCode(decoded.type) || headOnlyCode(cmds, decoded.type)) {
        return toResult(cmd, false, decoded.message || 'Kartra reported an error without a message', decoded.type);
      }
      return unknown(cmd);
    }
    if (decoded.status === 'success' && flat && cmds.length === 1) return toResult(cmd, true, decoded.message || DONE_MESSAGE, decoded.type);
    // Fewer results than actions (or a flat answer for a chain): this action's fate was not reported.
    return unknown(cmd);
  });
}

const unknown = (cmd: string): ActionResult => ({ cmd, ok: false, unknown: true, message: UNKNOWN_MESSAGE });

/** The code can only come from the create/edit at actions[0]: that failed, and the chain had no lead to act on. */
function headOnlyCode(cmds: readonly string[], type: string): boolean {
  const head = cmds[0] ?? '';
  if (!HEADS.has(head) || type === '') return false;
  const owners = cmdsForKartraCode(type);
  return owners.includes(head) && cmds.slice(1).every((cmd) => !owners.includes(cmd));
}

function toResult(cmd: string, ok: boolean, message: string, type: string): ActionResult {
  return type ? { cmd, ok, message, kartraType: type } : { cmd, ok, message };
}

/** Pair entries with cmds in order, by cmd name. */
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
