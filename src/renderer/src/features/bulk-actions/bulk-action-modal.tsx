// "Bulk action…" on the table's selection or whole view: pick the change, see its preview (counted from the cache:
// changes, skipped, calls, time), confirm; the run then shows in the job UI with its progress and pause, and each
// lead it changed lands in History, where the run can be undone.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BulkAction, BulkPreview } from '../../../../shared/domain/bulk-actions';
import type { LeadSelection } from '../../../../shared/domain/lead-filter';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk } from '../import/import-context';
import { useWorkspace } from '../leads/workspace-context';
import { BulkActionForm } from './bulk-action-form';
import { EMPTY_DRAFT, plural, toBulkAction, type BulkDraft } from './bulk-model';
import { BulkPreviewView } from './bulk-preview';

export interface BulkActionModalProps {
  opened: boolean;
  selection: LeadSelection;
  /** "12 selected leads", "all 3,400 leads of this view". */
  targetLabel: string;
  onClose(): void;
  onStarted?(): void;
}

export function BulkActionModal({ opened, selection, targetLabel, onClose, onStarted }: BulkActionModalProps) {
  const { api, accountLists } = useWorkspace();
  const { flow, show } = useBulk();
  const [draft, setDraft] = useState<BulkDraft>(EMPTY_DRAFT);
  const [preview, setPreview] = useState<{ action: BulkAction; preview: BulkPreview } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setDraft(EMPTY_DRAFT);
    setPreview(null);
    setProblem(null);
    setError(null);
    void accountLists.getState().load();
  }, [opened, accountLists]);

  const change = (patch: Partial<BulkDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(null);
  };

  const askPreview = async () => {
    const built = toBulkAction(draft);
    if ('error' in built) return setProblem(built.error);
    setBusy(true);
    setError(null);
    try {
      setPreview({ action: built.action, preview: await unwrap(api.bulk.preview({ selection, action: built.action })) });
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const progress = await unwrap(api.bulk.run({ selection, action: preview.action }));
      onStarted?.();
      onClose();
      await flow.getState().openJob(progress);
      show('import');
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };

  const changes = preview?.preview.changes ?? 0;
  return (
    <Modal opened={opened} onClose={onClose} title={preview ? 'Preview before sending' : `Bulk action on ${targetLabel}`} size="lg" centered>
      <Stack gap="md">
        {preview ? <BulkPreviewView preview={preview.preview} /> : <BulkActionForm draft={draft} onChange={change} />}
        {problem && (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        <Group justify="space-between">
          {preview ? (
            <Button variant="default" onClick={() => setPreview(null)}>
              Back
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              Nothing is sent before you confirm the preview.
            </Text>
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            {preview ? (
              <Button onClick={() => void send()} loading={busy} disabled={changes === 0}>
                {changes === 0 ? 'Nothing to send' : `Send to ${plural(changes, 'lead')}`}
              </Button>
            ) : (
              <Button onClick={() => void askPreview()} loading={busy}>
                Preview
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
