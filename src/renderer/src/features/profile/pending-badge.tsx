// The small badge that marks a value as not yet confirmed by Kartra (or failed / needing a decision).
import { Badge, Loader } from '@mantine/core';
import { PENDING_LABEL, type PendingStatus } from './pending-overlay';

const COLOR: Record<PendingStatus, string> = { pending: 'gray', in_flight: 'blue', failed: 'red', conflict: 'orange', needs_check: 'yellow' };

export function PendingBadge({ status, label }: { status: PendingStatus; label?: string }) {
  const busy = status === 'pending' || status === 'in_flight';
  return (
    <Badge
      size="xs"
      variant="outline"
      color={COLOR[status]}
      tt="none"
      data-pending-status={status}
      leftSection={busy ? <Loader size={8} color={COLOR[status]} /> : undefined}
    >
      {label ?? PENDING_LABEL[status]}
    </Badge>
  );
}
