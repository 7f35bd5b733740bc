import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) } }));

import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [item.role ?? item.label ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]).filter(Boolean) as string[];

describe('menu', () => {
  it('has copy and paste, and no reload or devtools outside development', () => {
    const prod = roles(menuTemplate({ isDev: false, isMac: false }));
    expect(prod).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'quit', 'windowMenu']));
    expect(prod).not.toContain('toggleDevTools');
    expect(prod).not.toContain('reload');
  });

  it('adds reload and devtools in development, and the app menu on macOS', () => {
    const dev = roles(menuTemplate({ isDev: true, isMac: true }));
    expect(dev).toEqual(expect.arrayContaining(['appMenu', 'reload', 'toggleDevTools']));
    expect(dev).not.toContain('quit');
  });
});
