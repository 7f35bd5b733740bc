// The leads table: a virtualized ARIA grid over the local search (only the visible rows exist in the DOM;
// their pages are read as the user scrolls). Arrow keys move, Enter or a click opens the profile; the
// checkbox column selects rows for bulk actions (the selection lives in the search store).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LeadRow } from '../../../../shared/domain/lead-views';
import { formatNumber } from './format';
import { useLeadSearch, useProfile, useWorkspace } from './workspace-context';
import './leads-table.css';

export const ROW_HEIGHT = 36;
const OVERSCAN = 6;
/**
 * Rows are keyed by slot (index modulo this), not by index: when a fast scroll jumps hundreds of rows,
 * React updates the same row elements in place instead of removing and creating every one of them.
 * Larger than any number of rows rendered at once, so keys stay unique.
 */
const KEY_SLOTS = 256;
const COLUMNS = ['Name', 'Email', 'Company', 'Country', 'Tags', 'Score'];
/** The data columns plus the leading selection column. */
const COLUMN_COUNT = COLUMNS.length + 1;

export interface LeadsTableProps {
  onOpen(row: LeadRow): void;
}

export function LeadsTable({ onOpen }: LeadsTableProps) {
  const { search } = useWorkspace();
  const total = useLeadSearch((s) => s.total);
  // Subscribed so the rows re-render when pages arrive (rowAt reads the store's pages).
  useLeadSearch((s) => s.version);
  const queryVersion = useLeadSearch((s) => s.queryVersion);
  const openId = useProfile((s) => s.leadId);
  const selectedIds = useLeadSearch((s) => s.selected);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The sticky header row sits above the virtual rows inside the same scroller.
    scrollPaddingStart: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) search.getState().ensureRange(first, last);
  }, [search, first, last, count, queryVersion]);

  // A new query starts at its first row.
  useEffect(() => {
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryVersion]);

  const move = useCallback(
    (to: number) => {
      if (count === 0) return;
      const next = Math.max(0, Math.min(count - 1, to));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [count, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const row = search.getState().rowAt(active);
        if (row) onOpen(row);
      },
    };
    const handler = keys[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  };

  // Stable across renders, so memoized rows never hold an outdated handler.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const pick = useCallback((index: number, row: LeadRow | undefined) => {
    setActive(index);
    if (row) onOpenRef.current(row);
  }, []);

  const toggle = useCallback((id: string) => search.getState().toggleSelected(id), [search]);

  const activeRendered = items.some((item) => item.index === active);

  return (
    <div
      ref={scrollRef}
      className="ld-grid"
      role="grid"
      aria-label="Leads"
      aria-rowcount={count + 1}
      aria-colcount={COLUMN_COUNT}
      aria-activedescendant={activeRendered && count > 0 ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-virtual-scroll="true"
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="ld-grid-row ld-grid-head">
          <div role="columnheader" className="ld-cell ld-cell-check">
            <HeaderCheckbox />
          </div>
          {COLUMNS.map((name) => (
            <div key={name} role="columnheader" className={name === 'Score' ? 'ld-cell ld-cell-num' : 'ld-cell'}>
              {name}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="ld-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <GridRow
            key={item.index % KEY_SLOTS}
            index={item.index}
            start={item.start}
            row={search.getState().rowAt(item.index)}
            active={item.index === active}
            selected={search.getState().rowAt(item.index)?.id === openId && openId !== null}
            checked={selectedIds.has(search.getState().rowAt(item.index)?.id ?? '')}
            onPick={pick}
            onToggle={toggle}
          />
        ))}
      </div>
    </div>
  );
}

const rowId = (index: number) => `lead-row-${index}`;

/** Ticks every row read so far for this query (or unticks all); mixed when only some are ticked. */
function HeaderCheckbox() {
  const { search } = useWorkspace();
  useLeadSearch((s) => s.version);
  const selected = useLeadSearch((s) => s.selected);
  const ids = search.getState().loadedIds();
  const count = ids.filter((id) => selected.has(id)).length;
  const all = ids.length > 0 && count === ids.length;
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all loaded leads"
      checked={all}
      disabled={ids.length === 0}
      onChange={() => search.getState().toggleAllLoaded()}
    />
  );
}

interface GridRowProps {
  index: number;
  start: number;
  row: LeadRow | undefined;
  active: boolean;
  selected: boolean;
  checked: boolean;
  onPick(index: number, row: LeadRow | undefined): void;
  onToggle(id: string): void;
}

/** One row; memoized on its data so scrolling re-renders only the rows that move in. */
const GridRow = memo(
  function GridRow({ index, start, row, active, selected, checked, onPick, onToggle }: GridRowProps) {
    return (
      <div
        id={rowId(index)}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        aria-busy={row ? undefined : true}
        data-active={active}
        data-lead-id={row?.id}
        className="ld-grid-row"
        style={{ transform: `translateY(${start}px)` }}
        onClick={() => onPick(index, row)}
      >
        {row ? (
          <>
            {/* The click on the box must not also open the profile (the row's click). */}
            <div role="gridcell" className="ld-cell ld-cell-check" onClick={(event) => event.stopPropagation()}>
              <input type="checkbox" aria-label={`Select lead ${row.email}`} checked={checked} onChange={() => onToggle(row.id)} />
            </div>
            <div role="gridcell" className="ld-cell" title={row.name}>
              {/* Before the name, so a narrow column's ellipsis never hides where the copy came from. */}
              {row.source === 'file' && <span className="ld-source" title="Added from a file; not read from Kartra yet">from a file</span>}
              {row.source === 'missing' && <span className="ld-source ld-source-missing" title="From a file; Kartra has no such lead">not in Kartra</span>}
              {row.name || <span className="ld-cell-dim">(no name)</span>}
            </div>
            <div role="gridcell" className="ld-cell" title={row.email}>
              {row.email}
            </div>
            <div role="gridcell" className="ld-cell">
              {row.company}
            </div>
            <div role="gridcell" className="ld-cell">
              {row.country}
            </div>
            <div role="gridcell" className="ld-cell" title={row.tags.join(', ')}>
              {row.tags.slice(0, 2).map((tag) => (
                <span key={tag} className="ld-tag">
                  {tag}
                </span>
              ))}
              {row.tags.length > 2 && <span className="ld-cell-dim">+{row.tags.length - 2}</span>}
            </div>
            <div role="gridcell" className="ld-cell ld-cell-num">
              {formatNumber(row.score)}
            </div>
          </>
        ) : (
          <div role="gridcell" className="ld-cell ld-cell-dim" aria-colspan={COLUMN_COUNT}>
            Loading…
          </div>
        )}
      </div>
    );
  },
  (a, b) =>
    a.row === b.row && a.start === b.start && a.active === b.active && a.selected === b.selected &&
    a.checked === b.checked &&
    a.index === b.index &&
    a.onPick === b.onPick &&
    a.onToggle === b.onToggle,
);
