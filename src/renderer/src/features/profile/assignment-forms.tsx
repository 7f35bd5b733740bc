// One small form per kind of assignment (tag, list, sequence at a step, points, calendar). Each checks its
// action against the shared LeadAction schema and stages it; nothing is sent until "Apply changes".
import '@mantine/dates/styles.css';
import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AccountSequence } from '../../../../shared/domain/account';
import { LeadAction } from '../../../../shared/domain/actions';
import type { Lead } from '../../../../shared/domain/lead';
import { SequenceStepInput } from '../../components/sequence-step-input';

export interface StageProps {
  /** Stages the action; false when the profile refused it (the reason is shown by the panel). */
  onStage(action: LeadAction): boolean;
}

/** Parses with the shared schema: the first problem as a sentence, or the action. */
function check(candidate: unknown): { action: LeadAction } | { error: string } {
  const parsed = LeadAction.safeParse(candidate);
  if (parsed.success) return { action: parsed.data };
  return { error: parsed.error.issues[0]?.message ?? 'This change is not valid.' };
}

const notFound = (what: string, search: string, loaded: boolean) =>
  !loaded ? `${what}s not loaded yet` : search.trim() ? `No ${what.toLowerCase()} named “${search.trim()}” in this account` : `This account has no ${what.toLowerCase()}s`;

export function TagForm({ onStage, tags, lead }: StageProps & { tags: string[] | null; lead: Lead }) {
  const [tag, setTag] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const stage = (cmd: 'assign_tag' | 'unassign_tag') => {
    if (tag && onStage({ cmd, tag_name: tag })) {
      setTag(null);
      setSearch('');
    }
  };
  const has = tag !== null && lead.tags.includes(tag);
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label="Tag"
        style={{ flex: 1 }}
        data={tags ?? []}
        value={tag}
        onChange={setTag}
        searchValue={search}
        onSearchChange={setSearch}
        searchable
        clearable
        placeholder="Pick a tag"
        nothingFoundMessage={notFound('Tag', search, tags !== null)}
      />
      <Button variant="light" disabled={tag === null || has} onClick={() => stage('assign_tag')}>
        Assign
      </Button>
      <Button variant="default" disabled={tag === null || !has} onClick={() => stage('unassign_tag')}>
        Remove
      </Button>
    </Group>
  );
}

export function ListForm({ onStage, lists, lead }: StageProps & { lists: string[] | null; lead: Lead }) {
  const [list, setList] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const active = list !== null && lead.lists.some((l) => l.list_name === list && l.active);
  const stage = (cmd: 'subscribe_lead_to_list' | 'unsubscribe_lead_from_list') => {
    if (list && onStage({ cmd, list_name: list })) {
      setList(null);
      setSearch('');
    }
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label="List"
        style={{ flex: 1 }}
        data={lists ?? []}
        value={list}
        onChange={setList}
        searchValue={search}
        onSearchChange={setSearch}
        searchable
        clearable
        placeholder="Pick a list"
        nothingFoundMessage={notFound('List', search, lists !== null)}
      />
      <Button variant="light" disabled={list === null || active} onClick={() => stage('subscribe_lead_to_list')}>
        Subscribe
      </Button>
      <Button variant="default" disabled={list === null || !active} onClick={() => stage('unsubscribe_lead_from_list')}>
        Unsubscribe
      </Button>
    </Group>
  );
}

export function SequenceForm({ onStage, sequences, lead }: StageProps & { sequences: AccountSequence[] | null; lead: Lead }) {
  const [name, setName] = useState<string | null>(null);
  const [step, setStep] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const inSequence = name !== null && lead.sequences.some((s) => s.sequence_name === name && s.status !== 'unsubscribed');
  const subscribe = () => {
    if (!name) return;
    const result = check({ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: name, step: step.trim() });
    if ('error' in result) return setError(step.trim() === '' ? 'Type the step to start at (the box number in Kartra’s sequence builder)' : result.error);
    setError(null);
    if (onStage(result.action)) setStep('');
  };
  return (
    <Stack gap="xs">
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <Select
          label="Sequence"
          style={{ flex: 2 }}
          data={(sequences ?? []).map((s) => s.name)}
          value={name}
          onChange={(value) => {
            setName(value);
            setStep('');
            setError(null);
          }}
          searchable
          clearable
          placeholder="Pick a sequence"
          nothingFoundMessage={sequences === null ? 'Sequences not loaded yet' : 'No such sequence in this account'}
        />
        <SequenceStepInput sequence={name} value={step} onChange={setStep} error={error} style={{ flex: 1 }} />
      </Group>
      <Group gap="xs">
        <Button variant="light" disabled={name === null} onClick={subscribe}>
          Subscribe at step
        </Button>
        <Button
          variant="default"
          disabled={name === null || !inSequence}
          onClick={() => name && onStage({ cmd: 'unsubscribe_lead_from_sequence', sequence_name: name })}
        >
          Unsubscribe from sequence
        </Button>
      </Group>
    </Stack>
  );
}

export function PointsForm({ onStage }: StageProps) {
  const [points, setPoints] = useState<number | string>('');
  const [expiration, setExpiration] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const stage = (cmd: 'give_points_to_lead' | 'remove_points_from_lead') => {
    const count = typeof points === 'number' ? points : Number.NaN;
    if (!Number.isInteger(count) || count <= 0) return setError('Give a whole number of points above 0');
    const days = typeof expiration === 'number' ? expiration : undefined;
    const result = check(cmd === 'give_points_to_lead' ? { cmd, points: count, ...(days !== undefined ? { expiration: days } : {}) } : { cmd, points: count });
    if ('error' in result) return setError(result.error);
    setError(null);
    if (onStage(result.action)) {
      setPoints('');
      setExpiration('');
    }
  };
  return (
    <Stack gap="xs">
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <NumberInput label="Points" value={points} onChange={setPoints} min={1} allowDecimal={false} allowNegative={false} error={error} style={{ flex: 1 }} />
        <NumberInput
          label="Expires after (days)"
          description="Optional; only when giving"
          value={expiration}
          onChange={setExpiration}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          style={{ flex: 1 }}
        />
      </Group>
      <Group gap="xs">
        <Button variant="light" onClick={() => stage('give_points_to_lead')}>
          Give points
        </Button>
        <Button variant="default" onClick={() => stage('remove_points_from_lead')}>
          Remove points
        </Button>
      </Group>
    </Stack>
  );
}

/** Kartra has no calendar list to pick from: the calendar and class are typed as named in Kartra. */
export function CalendarForm({ onStage }: StageProps) {
  const [calendar, setCalendar] = useState('');
  const [className, setClassName] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [hour, setHour] = useState('');
  const [error, setError] = useState<string | null>(null);
  const stage = (cmd: 'calendar_subscribe' | 'calendar_cancel') => {
    const base = { calendar_name: calendar.trim(), class_name: className.trim() };
    if (!base.calendar_name || !base.class_name) return setError('Type the calendar and the class as they are named in Kartra');
    const when = {
      ...(date ? { starting_date: dayjs(date).format('DD MMM YYYY') } : {}),
      ...(hour.trim() ? { starting_hour: hour.trim() } : {}),
    };
    const result = check(cmd === 'calendar_subscribe' ? { cmd, ...base, ...when } : { cmd, ...base });
    if ('error' in result) return setError(result.error.replace(/^\w/, (c) => c.toUpperCase()));
    setError(null);
    if (onStage(result.action)) {
      setDate(null);
      setHour('');
    }
  };
  return (
    <Stack gap="xs">
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput label="Calendar" value={calendar} onChange={(e) => setCalendar(e.currentTarget.value)} style={{ flex: 1 }} error={error} />
        <TextInput label="Class" value={className} onChange={(e) => setClassName(e.currentTarget.value)} style={{ flex: 1 }} />
      </Group>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <DatePickerInput label="Date" placeholder="Optional" value={date} onChange={setDate} valueFormat="DD MMM YYYY" clearable style={{ flex: 1 }} />
        <TimeInput label="Hour" value={hour} onChange={(e) => setHour(e.currentTarget.value)} style={{ flex: 1 }} />
      </Group>
      <Group gap="xs">
        <Button variant="light" onClick={() => stage('calendar_subscribe')}>
          Book
        </Button>
        <Button variant="default" onClick={() => stage('calendar_cancel')}>
          Cancel booking
        </Button>
      </Group>
    </Stack>
  );
}
