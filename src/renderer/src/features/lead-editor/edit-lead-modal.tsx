// "Edit": the lead form prefilled with what the user sees. Only changed fields go out, with the values seen
// before editing (`seen`) so the core can spot a conflicting change made in Kartra meanwhile. A changed
// email becomes new_email and is checked with Kartra first: a taken address blocks the save, with the reason.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Lead } from '../../../../shared/domain/lead';
import type { WriteReceipt } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/error-alert';
import { leadDisplayName } from '../leads/format';
import { useAccountLists, useEditor, useWorkspace } from '../leads/workspace-context';
import { fieldLabel } from './lead-fields';
import { LeadFormFields } from './lead-form-fields';
import { customFieldDefs, editErrors, formValuesFromLead, toEditPlan, type LeadFormValues } from './lead-form-model';

export interface EditLeadModalProps {
  onSaved(receipt: WriteReceipt): void;
}

export function EditLeadModal({ onSaved }: EditLeadModalProps) {
  const { editor } = useWorkspace();
  const lead = useEditor((s) => (s.target?.mode === 'edit' ? s.target.lead : null));
  return (
    <Modal
      opened={lead !== null}
      onClose={() => editor.getState().close()}
      title={lead ? `Edit ${leadDisplayName(lead)}` : 'Edit lead'}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {lead && <EditLeadForm key={lead.id} lead={lead} onSaved={onSaved} />}
    </Modal>
  );
}

function EditLeadForm({ lead, onSaved }: { lead: Lead } & EditLeadModalProps) {
  const { editor } = useWorkspace();
  const accountFields = useAccountLists((s) => s.lists?.custom_fields.items);
  const submitting = useEditor((s) => s.submitting);
  const submitError = useEditor((s) => s.submitError);
  const emailCheck = useEditor((s) => s.emailCheck);
  // What the user saw when the form opened: the base of the diff and of `seen`.
  const [defs] = useState(() => customFieldDefs(accountFields ?? [], lead));
  const [initial] = useState(() => formValuesFromLead(lead, defs));
  const form = useForm<LeadFormValues>({
    initialValues: initial,
    validate: (values) => editErrors(values, initial, defs),
    validateInputOnBlur: true,
  });
  const changed = toEditPlan(form.getValues(), initial, defs).changed;

  const onEmailBlur = (email: string) => {
    const next = email.trim();
    if (next === '' || next.toLowerCase() === lead.email.toLowerCase() || form.validateField('email').hasError) return;
    void editor
      .getState()
      .checkEmail(next, lead.id)
      .then((result) => {
        if (result.state === 'taken' && form.getValues().email.trim() === next) form.setFieldError('email', result.reason);
      });
  };

  const submit = form.onSubmit(async (values) => {
    const outcome = await editor.getState().submitEdit(lead, toEditPlan(values, initial, defs));
    if (!outcome.ok) {
      if (outcome.field === 'email') form.setFieldError('email', outcome.error.message);
      return;
    }
    editor.getState().close();
    onSaved(outcome.receipt);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Edit lead">
      <Stack gap="md">
        <LeadFormFields form={form} defs={defs} mode="edit" emailCheck={emailCheck} currentEmail={lead.email} onEmailBlur={onEmailBlur} />
        {submitError && <ErrorAlert error={submitError} title="The changes were not saved" />}
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" aria-live="polite">
            {changed.length === 0 ? 'No changes yet.' : `Will send: ${changed.map(fieldLabel).join(', ')}`}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={() => editor.getState().close()}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting} disabled={changed.length === 0}>
              Save changes
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
