// Step 4: how rows become leads (create / update / both), what every lead gets (tags, lists, sequence, points), and the GDPR declaration.
import { Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Radio, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ExistingPolicy, ImportMode } from '../../../../shared/domain/import';
import { SequenceStepInput } from '../../components/sequence-step-input';
import { usePlan } from './use-plan';
import { GdprNotice } from '../accounts/gdpr-notice';
import { useImportFlow } from './import-context';
import { MODE_LABELS, optionsProblems } from './import-options';
import { count } from './format';

export const GDPR_LABEL = 'I confirm these people gave consent to be contacted, and I may add them to this Kartra account.';

export function OptionsStep() {
  const options = useImportFlow((s) => s.options);
  const catalog = useImportFlow((s) => s.catalog);
  const ready = useImportFlow((s) => s.progress?.counts.ready ?? 0);
  const busy = useImportFlow((s) => s.busy);
  const setOptions = useImportFlow((s) => s.setOptions);
  const start = useImportFlow((s) => s.start);
  const goTo = useImportFlow((s) => s.goTo);
  const sequences = catalog?.sequences.items ?? [];
  const { plan } = usePlan();
  const existing = plan?.existing ?? 0;
  const [overwriteConfirmed, setOverwriteConfirmed] = useState(false);
  const overwriting = options.existing === 'overwrite' && options.mode !== 'create';
  const problems = [...optionsProblems(options), ...(overwriting && !overwriteConfirmed ? ['Confirm that existing leads may be overwritten.'] : [])];

  return (
    <Stack gap="sm" maw={640}>
      <div>
        <Text size="sm" fw={500} id="import-mode-label">
          Mode
        </Text>
        <SegmentedControl
          aria-labelledby="import-mode-label"
          value={options.mode}
          onChange={(mode) => setOptions({ mode: mode as ImportMode })}
          data={(Object.keys(MODE_LABELS) as ImportMode[]).map((value) => ({ value, label: MODE_LABELS[value] }))}
        />
      </div>
      {options.mode !== 'create' && (
        <Radio.Group
          label="Leads that already exist in Kartra"
          description={`${count(existing)} of these rows match leads this app already knows; others are found when sent.`}
          value={options.existing}
          onChange={(value) => {
            setOptions({ existing: value as ExistingPolicy });
            setOverwriteConfirmed(false);
          }}
        >
          <Stack gap={6} mt={6}>
            <Radio value="keep" label="Add tags, lists and sequences only — don't change their details (recommended)" />
            <Radio value="fill" label={`Fill empty fields only — reads each existing lead once first (${count(existing)}+ extra reads)`} />
            <Radio value="overwrite" label="Overwrite their details with the file's values" />
          </Stack>
        </Radio.Group>
      )}
      {overwriting && (
        <Alert color="orange" title="Existing leads will be changed">
          <Checkbox
            label={`Overwrite the details of ${count(existing)} existing lead${existing === 1 ? '' : 's'} known here (and any other existing lead in the file) with the file's values`}
            checked={overwriteConfirmed}
            onChange={(e) => setOverwriteConfirmed(e.currentTarget.checked)}
          />
        </Alert>
      )}
      <MultiSelect label="Tags" description="Assigned to every imported lead" data={catalog?.tags.items ?? []} value={options.tags} onChange={(tags) => setOptions({ tags })} searchable clearable />
      <MultiSelect label="Lists" description="Every imported lead joins these lists" data={catalog?.lists.items ?? []} value={options.lists} onChange={(lists) => setOptions({ lists })} searchable clearable />
      <Group grow align="flex-start">
        <Select label="Sequence" placeholder="None" data={sequences.map((q) => q.name)} value={options.sequence} onChange={(sequence) => setOptions({ sequence, step: '' })} clearable searchable />
        <SequenceStepInput sequence={options.sequence} value={options.step} onChange={(step) => setOptions({ step })} />
      </Group>
      <NumberInput label="Points" description="Given to every imported lead (0 = none)" min={0} max={1_000_000} allowDecimal={false} value={options.points} onChange={(v) => setOptions({ points: typeof v === 'number' ? v : Number(v) || 0 })} />
      <GdprNotice />
      <Checkbox label={GDPR_LABEL} checked={options.gdprConfirmed} onChange={(e) => setOptions({ gdprConfirmed: e.currentTarget.checked })} />
      {problems.length > 0 && (
        <Text size="sm" c="dimmed">
          {problems.join(' ')}
        </Text>
      )}
      <Group>
        <Button variant="default" onClick={() => goTo('review')}>
          Back to review
        </Button>
        <Button onClick={() => void start()} disabled={problems.length > 0 || ready === 0} loading={busy === 'start'}>
          Start import
        </Button>
        <Text size="sm" c="dimmed">
          {count(ready)} rows will be sent
        </Text>
      </Group>
    </Stack>
  );
}
