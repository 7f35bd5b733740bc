// "New lead": every lead field and custom field, plus tags, lists and a sequence (at a step) to apply in the
// same chained call. The email is checked with Kartra first; nothing invalid is ever sent.
import { Button, Fieldset, Group, Modal, MultiSelect, Select, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { LeadAction } from '../../../../shared/domain/actions';
import { ErrorAlert } from '../../components/error-alert';
import { SequenceStepInput } from '../../components/sequence-step-input';
import { useNotify } from '../../components/use-notify';
import { GdprNotice } from '../accounts/gdpr-notice';
import { useAccountLists, useEditor, useWorkspace } from '../leads/workspace-context';
import { LeadFormFields } from './lead-form-fields';
import { createErrors, customFieldDefs, emptyFormValues, toCreateInput, type LeadFormValues } from './lead-form-model';

export interface CreateLeadModalProps {
  /** The lead was created (or queued): open its profile when Kartra gave it an id. */
  onCreated(leadId: string | null): void;
}

export function CreateLeadModal({ onCreated }: CreateLeadModalProps) {
  const { editor } = useWorkspace();
  const open = useEditor((s) => s.target?.mode === 'create');
  return (
    <Modal opened={open} onClose={() => editor.getState().close()} title="New lead" size="xl" closeButtonProps={{ 'aria-label': 'Close' }}>
      {open && <CreateLeadForm onCreated={onCreated} />}
    </Modal>
  );
}

function CreateLeadForm({ onCreated }: CreateLeadModalProps) {
  const { editor } = useWorkspace();
  const notify = useNotify();
  const lists = useAccountLists((s) => s.lists);
  const submitting = useEditor((s) => s.submitting);
  const submitError = useEditor((s) => s.submitError);
  const emailCheck = useEditor((s) => s.emailCheck);
  // Fixed when the form opens: the fields must not move while the user types.
  const [defs] = useState(() => customFieldDefs(lists?.custom_fields.items ?? []));
  const form = useForm<LeadFormValues>({
    initialValues: emptyFormValues(defs),
    validate: (values) => createErrors(values, defs),
    validateInputOnBlur: true,
  });
  const [tags, setTags] = useState<string[]>([]);
  const [listNames, setListNames] = useState<string[]>([]);
  const [sequence, setSequence] = useState<string | null>(null);
  const [step, setStep] = useState<string | null>(null);
  const [sequenceError, setSequenceError] = useState<string | null>(null);

  const onEmailBlur = (email: string) => {
    if (!form.validateField('email').hasError && email.trim() !== '') void editor.getState().checkEmail(email);
  };

  const submit = form.onSubmit(async (values) => {
    if (sequence && !step) return setSequenceError('Type the step the lead starts at (the box number in Kartra’s sequence builder)');
    if (step && !/^[A-Za-z0-9]+$/.test(step)) return setSequenceError('A step is letters and digits only (e.g. 1)');
    setSequenceError(null);
    const actions: LeadAction[] = [
      ...tags.map((tag_name) => ({ cmd: 'assign_tag' as const, tag_name })),
      ...listNames.map((list_name) => ({ cmd: 'subscribe_lead_to_list' as const, list_name })),
      ...(sequence && step ? [{ cmd: 'subscribe_lead_to_sequence_at_step' as const, sequence_name: sequence, step }] : []),
    ];
    const outcome = await editor.getState().submitCreate(toCreateInput(values, defs), actions);
    if (!outcome.ok) {
      if (outcome.field === 'email') form.setFieldError('email', outcome.error.message);
      return;
    }
    editor.getState().close();
    if (!outcome.receipt.confirmed) {
      notify('info', 'Lead queued', `${values.email.trim()} will be created when Kartra confirms it (see the Outbox).`);
    }
    onCreated(outcome.receipt.lead?.id ?? outcome.receipt.changes.find((c) => c.leadId)?.leadId ?? null);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="New lead">
      <Stack gap="md">
        <GdprNotice />
        <LeadFormFields form={form} defs={defs} mode="create" emailCheck={emailCheck} onEmailBlur={onEmailBlur} />
        <Fieldset legend="Apply with the new lead" variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <MultiSelect label="Assign tags" data={lists?.tags.items ?? []} value={tags} onChange={setTags} searchable clearable nothingFoundMessage="No such tag in this account" />
            <MultiSelect
              label="Subscribe to lists"
              data={lists?.lists.items ?? []}
              value={listNames}
              onChange={setListNames}
              searchable
              clearable
              nothingFoundMessage="No such list in this account"
            />
            <Select
              label="Start sequence"
              data={(lists?.sequences.items ?? []).map((s) => s.name)}
              value={sequence}
              onChange={(value) => {
                setSequence(value);
                setStep(null);
              }}
              searchable
              clearable
              nothingFoundMessage="No such sequence in this account"
            />
            <SequenceStepInput label="At step" sequence={sequence} value={step ?? ''} onChange={(v) => setStep(v.trim() || null)} error={sequenceError} />
          </SimpleGrid>
        </Fieldset>
        {submitError && <ErrorAlert error={submitError} title="The lead was not created" />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => editor.getState().close()}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create lead
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
