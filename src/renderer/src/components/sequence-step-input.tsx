// The step box of every sequence form (profile, new lead, recipes, import): Kartra cannot list a sequence's steps
// (kartra-api.md §0.4 E6), so the user types the box number from Kartra's sequence builder and is offered the
// steps used before for that sequence (remembered by the core per account and sequence).
import { Autocomplete } from '@mantine/core';
import { useEffect, useState } from 'react';
import { getApi, hasApi } from '../api/api';

export const STEP_HELP = 'The box number in Kartra’s sequence builder';

/**
 * Steps used before for `sequence`, most recent first; [] while loading, without a sequence, or when unknown.
 * `reload()` reads them again (on focus: a step used a moment ago is then offered at once).
 */
export function useRememberedSteps(sequence: string | null): { steps: string[]; reload(): void } {
  const [steps, setSteps] = useState<{ sequence: string; steps: string[] } | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!sequence || !hasApi()) return;
    let live = true;
    void getApi()
      .account.sequenceSteps({ sequence })
      .then((answer) => {
        // Suggestions only: a failed look-up leaves the box empty rather than bothering the user.
        if (live && answer.ok) setSteps({ sequence, steps: answer.value.steps });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sequence, round]);
  return { steps: steps && steps.sequence === sequence ? steps.steps : [], reload: () => setRound((r) => r + 1) };
}

export interface SequenceStepInputProps {
  sequence: string | null;
  value: string;
  onChange(step: string): void;
  error?: string | null;
  disabled?: boolean;
  label?: string;
  style?: React.CSSProperties;
}

export function SequenceStepInput({ sequence, value, onChange, error, disabled, label = 'Step', style }: SequenceStepInputProps) {
  const { steps: remembered, reload } = useRememberedSteps(sequence);
  return (
    <Autocomplete
      label={label}
      style={style}
      value={value}
      onChange={onChange}
      data={remembered.length > 0 ? [{ group: 'Used before', items: remembered }] : []}
      placeholder={sequence ? 'e.g. 1' : 'Step'}
      description={sequence ? STEP_HELP : undefined}
      // Under the box, so the label lines up with the sequence picker's beside it.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error ?? undefined}
      disabled={disabled ?? sequence === null}
      // Shows every remembered step on focus, not only those matching what is typed.
      filter={({ options }) => options}
      onFocus={reload}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
