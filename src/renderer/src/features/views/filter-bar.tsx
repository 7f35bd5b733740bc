// The filter bar over the leads table: the view's conditions as chips (click to change, × to remove),
// "Add filter", and "Clear". Every change re-reads the view and its live count.
import { Button, CloseButton, Group, Pill, Text } from '@mantine/core';
import { useState } from 'react';
import type { FilterCondition } from '../../../../shared/domain/lead-filter';
import { useViews, useWorkspace } from '../leads/workspace-context';
import { ConditionEditor } from './condition-editor';
import { describeCondition } from '../../../../shared/domain/describe-condition';
import './views.css';

export function FilterBar() {
  const { views } = useWorkspace();
  const conditions = useViews((s) => s.conditions);
  // null: closed; 'new': adding; a number: changing that condition.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const initial = typeof editing === 'number' ? (conditions[editing] ?? null) : null;
  const save = (condition: FilterCondition) => {
    if (typeof editing === 'number') views.getState().replaceCondition(editing, condition);
    else views.getState().addCondition(condition);
    setEditing(null);
  };

  return (
    <Group gap="xs" role="group" aria-label="Filters" wrap="wrap">
      {conditions.length === 0 && (
        <Text size="sm" c="dimmed">
          All cached leads
        </Text>
      )}
      {conditions.map((condition, index) => {
        const label = describeCondition(condition);
        return (
          <Pill key={`${index}-${label}`} size="md" data-testid="filter-chip">
            <button type="button" className="ld-chip-button" onClick={() => setEditing(index)} aria-label={`Change filter: ${label}`}>
              {label}
            </button>
            <CloseButton size="xs" ml={4} aria-label={`Remove filter: ${label}`} onClick={() => views.getState().removeCondition(index)} />
          </Pill>
        );
      })}
      <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
        Add filter
      </Button>
      {conditions.length > 0 && (
        <Button size="compact-sm" variant="subtle" color="gray" onClick={() => views.getState().open(null)}>
          Clear filters
        </Button>
      )}
      <ConditionEditor opened={editing !== null} initial={initial} onSave={save} onClose={() => setEditing(null)} />
    </Group>
  );
}
