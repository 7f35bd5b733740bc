// Reusable GDPR notice for every place that adds leads through the API (connect help, create-lead form, CSV import).
import { Alert, Text } from '@mantine/core';
import { InfoIcon } from '../../components/icons';

/** The one wording, so every screen says the same thing. */
export const GDPR_NOTICE_TEXT =
  'Leads added through Kartra’s API are never marked as having accepted GDPR terms; their communication follows the account’s GDPR settings.';

export interface GdprNoticeProps {
  /** 'inline': one dimmed line (help areas); 'box': a light info box (forms that add leads). */
  variant?: 'inline' | 'box';
}

export function GdprNotice({ variant = 'box' }: GdprNoticeProps) {
  if (variant === 'inline') {
    return (
      <Text size="xs" c="dimmed" data-testid="gdpr-notice">
        GDPR: {GDPR_NOTICE_TEXT}
      </Text>
    );
  }
  return (
    <Alert role="note" aria-label="GDPR" variant="light" color="blue" icon={<InfoIcon />} title="GDPR" data-testid="gdpr-notice">
      {GDPR_NOTICE_TEXT}
    </Alert>
  );
}
