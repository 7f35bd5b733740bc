// One labelled number of an import (rows ready, new, failed…), with a test id named after its label.
import { Text } from '@mantine/core';
import { count } from './format';

export function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <div data-testid={`count-${label.toLowerCase().replace(/\s+/g, '-')}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} c={color}>
        {count(value)}
      </Text>
    </div>
  );
}
