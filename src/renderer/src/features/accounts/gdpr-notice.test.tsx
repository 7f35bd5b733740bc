// @vitest-environment happy-dom
import '../../testing/setup-dom';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GDPR_NOTICE_TEXT, GdprNotice } from './gdpr-notice';

describe('GdprNotice', () => {
  it('says API leads are never marked as having accepted GDPR terms, as a box or one line', () => {
    expect(GDPR_NOTICE_TEXT).toMatch(/never marked as having accepted GDPR terms/);
    expect(GDPR_NOTICE_TEXT).toMatch(/account’s GDPR settings/);
    render(
      <MantineProvider env="test">
        <GdprNotice />
        <GdprNotice variant="inline" />
      </MantineProvider>,
    );
    expect(screen.getByRole('note', { name: 'GDPR' }).textContent).toContain(GDPR_NOTICE_TEXT);
    const [, inline] = screen.getAllByTestId('gdpr-notice');
    expect(inline?.tagName).toBe('P');
    expect(inline?.textContent).toBe(`GDPR: ${GDPR_NOTICE_TEXT}`);
  });
});
