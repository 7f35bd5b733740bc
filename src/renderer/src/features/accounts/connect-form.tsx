// The connect form: account name, API key and password, App ID and (Advanced) API address, checked before sending.
import { Alert, Button, Checkbox, Collapse, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useId, useRef, useState } from 'react';
import type { AccountInfo } from '../../../../shared/domain/account';
import { ErrorAlert } from '../../components/error-alert';
import { ChevronDownIcon, KeyIcon } from '../../components/icons';
import { useAccounts } from '../../stores/stores-context';
import { connectRules, FIELD_HINTS, fieldOfError, hostToConfirm, KARTRA_API_URL_DEFAULT, type ConnectValues } from './connect-fields';

export interface ConnectFormProps {
  /** An existing account whose credentials are entered again; null adds a new account. */
  target: AccountInfo | null;
  /** The App ID this build ships with (app.status), prefilled for new accounts. */
  defaultAppId: string | null;
  onCancel?: () => void;
}

export function ConnectForm({ target, defaultAppId, onCancel }: ConnectFormProps) {
  const connecting = useAccounts((state) => state.connecting);
  const connectError = useAccounts((state) => state.connectError);
  const connect = useAccounts((state) => state.connect);
  // Given once, for this form: the user agreed that these credentials live in memory only.
  const [sessionOnly, setSessionOnly] = useState(false);
  const apiUrl = target?.kind === 'kartra' ? target.apiUrl : KARTRA_API_URL_DEFAULT;
  const [advanced, setAdvanced] = useState(apiUrl !== KARTRA_API_URL_DEFAULT);
  const advancedId = useId();
  const passwordId = useId();
  const feedbackRef = useRef<HTMLDivElement>(null);
  // A long form can push the answer below the fold: bring it into view when it arrives.
  useEffect(() => {
    if (connectError) feedbackRef.current?.scrollIntoView({ block: 'nearest' });
  }, [connectError]);

  const form = useForm<ConnectValues>({
    mode: 'controlled',
    initialValues: {
      label: target?.label ?? '',
      apiKey: '',
      apiPassword: '',
      appId: target?.appId ?? defaultAppId ?? '',
      apiUrl,
    },
    validate: connectRules,
    validateInputOnBlur: true,
  });

  // A host other than Kartra's gets the credentials only once the user ticked the box naming that host.
  const [trustedHost, setTrustedHost] = useState<string | null>(null);
  const [trustMissing, setTrustMissing] = useState(false);
  const hostNeedingTrust = hostToConfirm(form.values.apiUrl);

  const send = async (values: ConnectValues, agreedSessionOnly: boolean) => {
    const host = hostToConfirm(values.apiUrl);
    if (host && trustedHost !== host) {
      setTrustMissing(true);
      setAdvanced(true);
      return;
    }
    const outcome = await connect({ values, sessionOnly: agreedSessionOnly, accountId: target?.id ?? null, confirmApiHost: host });
    if (outcome.ok) return;
    const field = fieldOfError(outcome.error);
    if (field) {
      form.setFieldError(field, FIELD_HINTS[field]);
      if (field === 'apiUrl') setAdvanced(true);
    }
  };

  const keepForSession = () => {
    setSessionOnly(true);
    const check = form.validate();
    if (check.hasErrors) return;
    void send(form.getValues(), true);
  };

  const submit = form.onSubmit(
    (values) => void send(values, sessionOnly),
    (errors) => {
      if (errors.apiUrl) setAdvanced(true);
    },
  );

  return (
    <form onSubmit={submit} noValidate aria-label={target ? `Reconnect ${target.label}` : 'Connect a Kartra account'}>
      <Stack gap="sm">
        {/* Two fields a row: the form and its Connect button fit a 1024×700 window without scrolling. */}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label="Account name"
            description="How Lead Desk shows this account"
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('label')}
          />
          <TextInput
            label="App ID"
            description={defaultAppId ? 'Lead Desk’s own, or your Kartra app’s' : 'Your Kartra app’s App ID'}
            withAsterisk
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('appId')}
          />
          <TextInput label="API key" withAsterisk autoComplete="off" spellCheck={false} {...form.getInputProps('apiKey')} />
          <PasswordInput
            label="API password"
            withAsterisk
            autoComplete="off"
            id={passwordId}
            {...form.getInputProps('apiPassword')}
            // Mantine leaves these off PasswordInput's inner input; without them the error is not announced.
            aria-invalid={form.errors.apiPassword ? true : undefined}
            aria-describedby={form.errors.apiPassword ? `${passwordId}-error` : undefined}
          />
        </SimpleGrid>
        <div>
          <UnstyledButton
            aria-expanded={advanced}
            aria-controls={advancedId}
            onClick={() => setAdvanced((open) => !open)}
            fz="sm"
            c="dimmed"
          >
            <Group gap={4} wrap="nowrap">
              <ChevronDownIcon size={14} style={{ transform: advanced ? 'none' : 'rotate(-90deg)' }} />
              Advanced
            </Group>
          </UnstyledButton>
          <Collapse expanded={advanced} id={advancedId} keepMountedMode="display-none">
            <TextInput
              mt="xs"
              label="API address"
              description={`Kartra’s API is at ${KARTRA_API_URL_DEFAULT}. Change it only for the sandbox or a local test server: only those, on this computer, may use http://.`}
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('apiUrl')}
            />
            {hostNeedingTrust && (
              <Checkbox
                mt="xs"
                color="red"
                checked={trustedHost === hostNeedingTrust}
                onChange={(event) => {
                  setTrustedHost(event.currentTarget.checked ? hostNeedingTrust : null);
                  setTrustMissing(false);
                }}
                label={`Send my credentials to ${hostNeedingTrust}`}
                description={`${hostNeedingTrust} is not Kartra (app.kartra.com). Whoever runs it receives your API key and password: tick this only for a server you run or trust.`}
                error={trustMissing && trustedHost !== hostNeedingTrust ? `Confirm that you trust ${hostNeedingTrust}, or use Kartra’s address` : undefined}
              />
            )}
          </Collapse>
        </div>

        <div ref={feedbackRef}>
          {connectError?.code === 'keychain_unavailable' && !sessionOnly ? (
            <SessionOnlyOffer message={connectError.message} connecting={connecting} onAccept={keepForSession} />
          ) : (
            connectError && <ErrorAlert error={connectError} />
          )}
        </div>
        {sessionOnly && (
          <Text size="xs" c="dimmed" role="status">
            These credentials will be kept for this session only: Lead Desk forgets them when it quits.
          </Text>
        )}

        <Group gap="sm">
          <Button type="submit" loading={connecting}>
            Connect
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={connecting}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function SessionOnlyOffer({ message, connecting, onAccept }: { message: string; connecting: boolean; onAccept: () => void }) {
  return (
    <Alert role="alert" color="yellow" variant="light" icon={<KeyIcon />} title="No system keychain" data-error-code="keychain_unavailable">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        <Text size="sm">Lead Desk never writes your API key and password to a file.</Text>
        <div>
          <Button color="yellow" variant="filled" loading={connecting} onClick={onAccept}>
            Keep for this session only
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
