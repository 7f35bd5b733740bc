// Identity and contact details of the profile, each value with its pending new value when one is queued.
import { formatKartraDate, isZeroDate } from '../views/kartra-dates';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Lead, LeadTextField } from '../../../../shared/domain/lead';
import { FIELD_LABELS } from '../lead-editor/lead-fields';
import { PendingBadge } from './pending-badge';
import type { FieldMark } from './pending-overlay';

interface DetailProps {
  label: string;
  children: ReactNode;
  mark?: FieldMark | undefined;
  /** The value shown now, to tell whether it already is the queued one (an offline copy shows queued changes). */
  current?: string;
}

/** A labelled value; a queued change shows its new value beside the current one, marked as pending. */
export function Detail({ label, children, mark, current }: DetailProps) {
  const alreadyShown = mark !== undefined && current !== undefined && typeof mark.value === 'string' && mark.value === current;
  const replaced = mark !== undefined && !alreadyShown;
  return (
    <Stack gap={0} role="group" aria-label={label} data-pending={mark ? 'true' : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap={6} wrap="wrap">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} td={replaced ? 'line-through' : undefined} c={replaced ? 'dimmed' : undefined}>
          {children}
        </Text>
        {alreadyShown && <PendingBadge status={mark.status} />}
        {replaced && (
          <>
            <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
              {typeof mark.value === 'string' ? mark.value || '(empty)' : mark.value.join(', ')}
            </Text>
            <PendingBadge status={mark.status} />
          </>
        )}
      </Group>
    </Stack>
  );
}

const dash = (value: string) => (value.trim() === '' ? '—' : value);

/** Kartra's gdpr_lead_status codes (kartra-api.md §8.1); an unknown code is shown as it came. */
const GDPR_STATUS: Record<string, string> = {
  '0': 'GDPR is off for this account',
  '1': 'Not subject to GDPR',
  '2': 'Accepted',
  '3': 'Not accepted',
  '4': 'Unknown',
  '5': 'Pending',
};

export function gdprStatusText(lead: Pick<Lead, 'gdpr_lead_status' | 'gdpr_lead_status_date'>): string {
  const code = lead.gdpr_lead_status.trim();
  if (code === '') return 'Not recorded';
  const date = lead.gdpr_lead_status_date.trim();
  // Kartra writes "0000-00-00 00:00:00" for "no date": then there is no "since".
  return `${GDPR_STATUS[code] ?? code}${date && !isZeroDate(date) ? ` (since ${formatKartraDate(date)})` : ''}`;
}

const communications = (value: string) => (value === '1' ? 'Allowed' : value === '0' ? 'Not allowed' : dash(value));

/** Shown only when set (or about to change): most leads have none of them. */
const OPTIONAL: ReadonlySet<LeadTextField> = new Set(['middle_name', 'last_name2', 'website', 'facebook', 'twitter', 'linkedin', 'sales_tax_id', 'lead_picture']);

export function ProfileDetails({ lead, marks }: { lead: Lead; marks: Record<string, FieldMark> }) {
  const field = (key: LeadTextField) =>
    OPTIONAL.has(key) && lead[key].trim() === '' && !marks[key] ? null : (
      <Detail key={key} label={FIELD_LABELS[key]} mark={marks[key]} current={lead[key]}>
        {dash(lead[key])}
      </Detail>
    );
  const phone = [lead.phone_country_code && `+${lead.phone_country_code.replace(/^\+/, '')}`, lead.phone].filter(Boolean).join(' ');
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Detail label="Email" mark={marks.email} current={lead.email}>
          {dash(lead.email)}
        </Detail>
        <Detail label="Phone" mark={marks.phone ?? marks.phone_country_code}>
          {dash(phone)}
        </Detail>
        {field('first_name')}
        {field('last_name')}
        {field('middle_name')}
        {field('last_name2')}
        {field('company')}
        {field('website')}
        {field('address')}
        {field('city')}
        {field('state')}
        {field('zip')}
        {field('country')}
        {field('lead_preferred_time_zone')}
        {field('sales_tax_id')}
        <Detail label="IP address" mark={marks.ip}>
          {dash([lead.ip, lead.ip_country && `(${lead.ip_country})`].filter(Boolean).join(' '))}
        </Detail>
        {field('facebook')}
        {field('twitter')}
        {field('linkedin')}
        {field('lead_picture')}
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Detail label="Source">{dash(lead.source)}</Detail>
        <Detail label="Date joined">{formatKartraDate(lead.date_joined, true)}</Detail>
        <Detail label="GDPR status">{gdprStatusText(lead)}</Detail>
        <Detail label="GDPR communications">{communications(lead.gdpr_lead_communications)}</Detail>
        {lead.blacklisted !== 0 && <Detail label="Blacklisted">Yes — Kartra sends this lead no emails</Detail>}
        {lead.notes.trim() !== '' && <Detail label="Notes">{lead.notes}</Detail>}
      </SimpleGrid>
    </Stack>
  );
}
