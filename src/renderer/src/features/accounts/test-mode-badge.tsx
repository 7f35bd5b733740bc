// Header badge for an account whose Kartra app is still in Test Mode, with what that means and how to leave it.
import { Badge, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useId } from 'react';

export function TestModeBadge() {
  const titleId = useId();
  return (
    <Popover width={320} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton aria-label="Test Mode: what this means" aria-haspopup="dialog">
          <Badge color="orange" variant="light" style={{ cursor: 'pointer' }}>
            Test Mode
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      {/* Named by its own title rather than by the badge (Mantine's default). */}
      <Popover.Dropdown aria-labelledby={titleId}>
        <Stack gap="xs">
          <Text fw={600} size="sm" id={titleId}>
            This Kartra app is in Test Mode
          </Text>
          <Text size="sm">Kartra keeps every new App in Test Mode. While it is:</Text>
          <Text size="sm" component="ul" m={0} pl="md">
            <li>every lead’s email domain is rewritten to @kartra.com, and</li>
            <li>no emails are sent to leads.</li>
          </Text>
          <Text size="sm">To leave Test Mode, submit the App for live activation in Kartra.</Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
