// Lead editor store: which form is open (new lead, or edit of one lead) and the submit flows — the email
// is checked with Kartra first (a taken or deleted lead's address blocks the submit), then the write goes out.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LeadAction } from '../../../../shared/domain/actions';
import type { Lead } from '../../../../shared/domain/lead';
import type { CreateLeadInput } from '../../../../shared/domain/lead-input';
import type { WriteReceipt } from '../../../../shared/ipc/contract';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import type { EditPlan } from './lead-form-model';

export type EditorTarget = { mode: 'create' } | { mode: 'edit'; lead: Lead };

export type EmailCheck =
  | { email: string; state: 'checking' }
  | { email: string; state: 'available' }
  | { email: string; state: 'taken'; reason: string }
  /** Kartra could not be asked (offline): the write may still go out and Kartra decides later. */
  | { email: string; state: 'unchecked'; reason: string };

export type SubmitOutcome =
  | { ok: true; receipt: WriteReceipt }
  | { ok: false; error: AppErrorData; /** The form field the error belongs to. */ field?: 'email' };

export interface LeadEditorState {
  target: EditorTarget | null;
  submitting: boolean;
  submitError: AppErrorData | null;
  emailCheck: EmailCheck | null;
  openCreate(): void;
  openEdit(lead: Lead): void;
  close(): void;
  /** Is this address free (for a new lead, or as this lead's new_email)? Remembers the answer. */
  checkEmail(email: string, exceptLeadId?: string): Promise<EmailCheck>;
  submitCreate(lead: CreateLeadInput, actions: LeadAction[]): Promise<SubmitOutcome>;
  submitEdit(lead: Lead, plan: EditPlan): Promise<SubmitOutcome>;
}

export type LeadEditorStore = StoreApi<LeadEditorState>;

const KARTRA_EMAIL_ERRORS: Record<string, string> = {
  '244': 'Kartra refused the address: another lead already uses it (Kartra error 244).',
  '245': 'Kartra refused the address: it belongs to a deleted lead, and Kartra keeps it reserved (Kartra error 245).',
};

export function createLeadEditorStore(api: LeadDeskApi): LeadEditorStore {
  let check = 0;

  return createStore<LeadEditorState>()((set, get) => {
    /** Runs the check unless the same address was already found free; a taken one blocks. */
    const gate = async (email: string, exceptLeadId?: string): Promise<SubmitOutcome | null> => {
      const known = get().emailCheck;
      const result = known && known.email === email && known.state === 'available' ? known : await get().checkEmail(email, exceptLeadId);
      if (result.state === 'taken') return { ok: false, error: { code: 'already_exists', message: result.reason, retryable: false }, field: 'email' };
      return null;
    };

    const write = async (call: () => Promise<WriteReceipt>): Promise<SubmitOutcome> => {
      try {
        const receipt = await call();
        set({ submitting: false, submitError: null });
        return { ok: true, receipt };
      } catch (error) {
        const data = toErrorData(error);
        const emailProblem = data.details?.kartraType ? KARTRA_EMAIL_ERRORS[data.details.kartraType] : undefined;
        if (emailProblem) {
          set({ submitting: false });
          return { ok: false, error: { ...data, message: emailProblem }, field: 'email' };
        }
        set({ submitting: false, submitError: data });
        return { ok: false, error: data };
      }
    };

    return {
      target: null,
      submitting: false,
      submitError: null,
      emailCheck: null,

      openCreate() {
        check += 1;
        set({ target: { mode: 'create' }, submitting: false, submitError: null, emailCheck: null });
      },

      openEdit(lead) {
        check += 1;
        set({ target: { mode: 'edit', lead }, submitting: false, submitError: null, emailCheck: null });
      },

      close() {
        check += 1;
        set({ target: null, submitting: false, submitError: null, emailCheck: null });
      },

      async checkEmail(raw, exceptLeadId) {
        const email = raw.trim();
        const mine = ++check;
        set({ emailCheck: { email, state: 'checking' } });
        let result: EmailCheck;
        try {
          const reply = await unwrap(api.leads.checkEmail({ email, ...(exceptLeadId ? { exceptLeadId } : {}) }));
          result = reply.available
            ? { email, state: 'available' }
            : { email, state: 'taken', reason: reply.reason ?? `${email} is already used by another lead.` };
        } catch (error) {
          const data = toErrorData(error);
          result = { email, state: 'unchecked', reason: data.message };
        }
        if (mine === check) set({ emailCheck: result });
        return result;
      },

      async submitCreate(lead, actions) {
        set({ submitting: true, submitError: null });
        const blocked = await gate(lead.email.trim());
        if (blocked) {
          set({ submitting: false });
          return blocked;
        }
        return write(() => unwrap(api.leads.create({ lead, actions })));
      },

      async submitEdit(lead, plan) {
        if (plan.changed.length === 0) {
          const error: AppErrorData = { code: 'invalid_input', message: 'Nothing changed: edit a field first.', retryable: false };
          set({ submitError: error });
          return { ok: false, error };
        }
        set({ submitting: true, submitError: null });
        if (plan.changes.new_email) {
          const blocked = await gate(plan.changes.new_email, lead.id);
          if (blocked) {
            set({ submitting: false });
            return blocked;
          }
        }
        return write(() => unwrap(api.leads.edit({ lead: { id: lead.id }, changes: plan.changes, seen: plan.seen })));
      },
    };
  });
}
