// The sandbox's request log: the last requests that reached POST /api, each as its lead reference and the commands
// of its one call (with the tag/list/sequence each names), so a test can see how many calls a row took and what
// each carried. Credentials are never kept. Bounded: the oldest entries drop out.
type Body = Record<string, unknown>;

export interface SandboxRequest {
  /** Order of arrival since the sandbox started (1, 2, …). */
  seq: number;
  /** The lead the call names (lead[...] or get_lead[...]); empty strings when absent. */
  email: string;
  id: string;
  /** "get_lead" for a read, else the call's cmds in order. */
  cmds: string[];
  /** Per cmd: the tag, list or sequence it names ('' for others). */
  names: string[];
  /** False when the rate window answered 429. */
  accepted: boolean;
}

const MAX_ENTRIES = 5000;
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const rec = (v: unknown): Body => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Body) : {});

export class RequestLog {
  private entries: SandboxRequest[] = [];
  private seq = 0;

  add(params: Body, accepted: boolean): void {
    const read = params.get_lead !== undefined;
    const ref = rec(read ? params.get_lead : params.lead);
    const list = Array.isArray(params.actions) ? params.actions : Object.values(rec(params.actions));
    const actions = list.map(rec);
    this.entries.push({
      seq: ++this.seq,
      email: str(ref.email),
      id: str(ref.id),
      cmds: read ? ['get_lead'] : actions.map((a) => str(a.cmd)),
      names: read ? [''] : actions.map((a) => str(a.tag_name ?? a.list_name ?? a.sequence_name)),
      accepted,
    });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Entries after `since` (a seq), optionally for one email (case-insensitive). */
  list(query: { since?: number; email?: string } = {}): SandboxRequest[] {
    const since = query.since ?? 0;
    const email = query.email?.toLowerCase();
    return this.entries.filter((e) => e.seq > since && (email === undefined || e.email.toLowerCase() === email)).map((e) => ({ ...e, cmds: [...e.cmds], names: [...e.names] }));
  }
}
