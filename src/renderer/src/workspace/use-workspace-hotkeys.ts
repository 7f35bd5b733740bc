// Keyboard shortcuts of the workspace: / focuses the search, N opens "New lead", E edits the open lead, Esc
// closes the profile — ignored while typing in a field — and each page's own shortcut (pages.tsx, Alt+digit:
// types nothing, so it works from a field too). Ctrl/Cmd+K is the palette's.
import { useHotkeys } from '@mantine/hooks';
import type { PaletteCommands } from './command-palette';
import type { WorkspacePage } from './pages';

export interface HotkeyCommands extends Pick<PaletteCommands, 'focusSearch' | 'newLead' | 'editLead'> {
  /** Esc outside of any dialog. */
  escape(): void;
}

/** True while a modal (a form or the palette) is open: Esc belongs to it. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"], .mantine-Modal-content') !== null;
}

export function useWorkspaceHotkeys(commands: HotkeyCommands, pages: readonly WorkspacePage[], show: (id: string) => void): void {
  useHotkeys(
    pages.map((page): [string, () => void] => [page.shortcut, () => !dialogOpen() && show(page.id)]),
    [],
  );
  useHotkeys([
    ['/', () => !dialogOpen() && commands.focusSearch()],
    ['n', () => !dialogOpen() && commands.newLead()],
    ['e', () => !dialogOpen() && commands.editLead()],
    ['Escape', () => !dialogOpen() && commands.escape(), { preventDefault: false }],
  ]);
}
