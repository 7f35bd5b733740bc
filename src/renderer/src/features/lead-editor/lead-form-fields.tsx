// The body of the lead form shared by "New lead" and "Edit": email, time zone, every profile field by
// section, and every custom field by its type. Validation lives in lead-form-model (the shared schemas).
import { Autocomplete, Fieldset, Loader, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { AccountCustomField } from '../../../../shared/domain/account';
import { KARTRA_TIME_ZONES } from '../../../../shared/domain/time-zones';
import { CustomFieldInput } from './custom-field-input';
import { FIELD_GROUPS, FIELD_LABELS } from './lead-fields';
import type { EmailCheck } from './lead-editor-store';
import type { CustomValue, LeadFormValues } from './lead-form-model';

const TIME_ZONES = [...KARTRA_TIME_ZONES];

export interface LeadFormFieldsProps {
  form: UseFormReturnType<LeadFormValues>;
  defs: readonly AccountCustomField[];
  mode: 'create' | 'edit';
  emailCheck: EmailCheck | null;
  /** The address the lead has now (edit): a changed one is checked when the field is left. */
  currentEmail?: string;
  onEmailBlur(email: string): void;
}

export function LeadFormFields({ form, defs, mode, emailCheck, currentEmail, onEmailBlur }: LeadFormFieldsProps) {
  const email = form.getValues().email.trim();
  const changedEmail = mode === 'edit' && currentEmail !== undefined && email.toLowerCase() !== currentEmail.toLowerCase();
  const checking = emailCheck?.state === 'checking' && emailCheck.email === email;
  const emailProps = form.getInputProps('email');
  const unchecked = emailCheck?.state === 'unchecked' && emailCheck.email === email ? emailCheck.reason : null;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          {...emailProps}
          label="Email"
          withAsterisk={mode === 'create'}
          description={
            mode === 'edit'
              ? changedEmail
                ? `Changes the address from ${currentEmail} (checked with Kartra first)`
                : 'Change it to give the lead a new address'
              : 'Checked with Kartra before the lead is created'
          }
          rightSection={checking ? <Loader size={14} aria-label="Checking the email" /> : undefined}
          autoComplete="off"
          spellCheck={false}
          onBlur={(event) => {
            emailProps.onBlur?.(event);
            onEmailBlur(event.currentTarget.value);
          }}
        />
        <Autocomplete
          {...form.getInputProps('fields.lead_preferred_time_zone')}
          label={FIELD_LABELS.lead_preferred_time_zone}
          description="One of the 76 time zones Kartra accepts"
          data={TIME_ZONES}
          limit={30}
          maxDropdownHeight={240}
          placeholder="e.g. Europe/London"
          autoComplete="off"
        />
      </SimpleGrid>
      {unchecked && (
        <Text size="xs" c="orange">
          The address could not be checked ({unchecked}); Kartra will refuse it later if it is taken.
        </Text>
      )}
      {FIELD_GROUPS.map((group) => (
        <Fieldset key={group.title} legend={group.title} variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            {group.fields.map((field) => (
              <TextInput key={field} {...form.getInputProps(`fields.${field}`)} label={FIELD_LABELS[field]} autoComplete="off" />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
      <Fieldset legend="Custom fields" variant="filled" p="sm">
        {defs.length === 0 ? (
          <Text size="sm" c="dimmed">
            This account has no custom fields.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            {defs.map((def) => {
              const path = `custom.${def.field_identifier}`;
              const props = form.getInputProps(path);
              return (
                <CustomFieldInput
                  key={def.field_identifier}
                  def={def}
                  value={(props.value as CustomValue | undefined) ?? ''}
                  error={typeof props.error === 'string' ? props.error : undefined}
                  onChange={(value) => form.setFieldValue(path, value)}
                  onBlur={() => form.validateField(path)}
                />
              );
            })}
          </SimpleGrid>
        )}
      </Fieldset>
    </Stack>
  );
}
