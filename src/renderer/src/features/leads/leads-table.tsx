// The leads table: a virtualized ARIA grid over the current view (only the visible rows exist in the DOM;
// their pages are read as the user scrolls). Arrow keys move, Enter or a click opens the profile; the
// checkbox column selects rows for bulk actions (the selection lives in the search store); the columns,
// their order, widths and the sort come from the view's remembered layout.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { TableLayout } from '../../../../shared/domain/lead-filter';
import type { LeadRow } from '../../../../shared/domain/lead-views';
import { cellText, columnInfo } from '../views/columns';
import { HeaderCell } from '../views/header-cell';
import { useLeadSearch, useProfile, useViews, useWorkspace } from './workspace-context';
import './leads-table.css';

export const ROW_HEIGHT = 36;
const OVERSCAN = 6;
/**
 * Rows are keyed by slot (index modulo this), not by index: when a fast scroll jumps hundreds of rows,
 * React updates the same row elements in place instead of removing and creating every one of them.
 * Larger than any number of rows rendered at once, so keys stay unique.
 */
const KEY_SLOTS = 256;
/** The grid's column template: the selection column, then each column at its width (the last one stretches). */
function gridStyle(layout: TableLayout): CSSProperties {
  const widths = layout.columns.map((c, i) => (i === layout.columns.length - 1 ? `minmax(${c.width}px, 1fr)` : `${c.width}px`));
  const total = 20 + layout.columns.reduce((sum, c) => sum + c.width + 12, 0) + 16;
  return { '--ld-cols': `20px ${widths.join(' ')}`, '--ld-min-width': `${total}px` } as CSSProperties;
}

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
  // Subscribed so ticks re-render the rows (isChecked reads the store).
  useLeadSearch((s) => s.selected);
  useLeadSearch((s) => s.except);
  const allSelected = useLeadSearch((s) => s.allSelected);
  const layout = useViews((s) => s.layout);
  const columnCount = layout.columns.length + 1;
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
      aria-colcount={columnCount}
      aria-activedescendant={activeRendered && count > 0 ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-virtual-scroll="true"
      style={gridStyle(layout)}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="ld-grid-row ld-grid-head">
          <div role="columnheader" className="ld-cell ld-cell-check">
            <HeaderCheckbox />
          </div>
          {layout.columns.map((column, index) => (
            <HeaderCell key={column.key} index={index} />
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
            checked={search.getState().isChecked(search.getState().rowAt(item.index)?.id ?? '')}
            allSelected={allSelected}
            layout={layout}
            onPick={pick}
            onToggle={toggle}
          />
        ))}
      </div>
    </div>
  );
}

const rowId = (index: number) => `lead-row-${index}`;

/** Selects every lead of the view (not only the loaded rows), or clears the selection; mixed while partial. */
function HeaderCheckbox() {
  const { search } = useWorkspace();
  const total = useLeadSearch((s) => s.total) ?? 0;
  const all = useLeadSearch((s) => s.allSelected);
  const except = useLeadSearch((s) => s.except);
  const ticked = useLeadSearch((s) => s.selected);
  const full = all && except.size === 0 && total > 0;
  const some = !full && (all || ticked.size > 0);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={`Select all ${total.toLocaleString()} leads of this view`}
      checked={full}
      disabled={total === 0}
      onChange={() => (full || some ? search.getState().clearSelection() : search.getState().selectAll())}
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
  allSelected: boolean;
  layout: TableLayout;
  onPick(index: number, row: LeadRow | undefined): void;
  onToggle(id: string): void;
}

/** One row; memoized on its data so scrolling re-renders only the rows that move in. */
const GridRow = memo(
  function GridRow({ index, start, row, active, selected, checked, layout, onPick, onToggle }: GridRowProps) {
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
            {layout.columns.map(({ key }) => (
              <Cell key={key} row={row} column={key} />
            ))}
          </>
        ) : (
          <div role="gridcell" className="ld-cell ld-cell-dim" aria-colspan={layout.columns.length + 1}>
            Loading…
          </div>
        )}
      </div>
    );
  },
  (a, b) =>
    a.row === b.row && a.start === b.start && a.active === b.active && a.selected === b.selected &&
    a.checked === b.checked &&
    a.allSelected === b.allSelected &&
    a.layout === b.layout &&
    a.index === b.index &&
    a.onPick === b.onPick &&
    a.onToggle === b.onToggle,
);

function Cell({ row, column }: { row: LeadRow; column: TableLayout['columns'][number]['key'] }) {
  if (column === 'tags') {
    return (
      <div role="gridcell" className="ld-cell" title={row.tags.join(', ')}>
        {row.tags.slice(0, 2).map((tag) => (
          <span key={tag} className="ld-tag">
            {tag}
          </span>
        ))}
        {row.tags.length > 2 && <span className="ld-cell-dim">+{row.tags.length - 2}</span>}
      </div>
    );
  }
  const text = cellText(row, column);
  if (column === 'name') {
    return (
      <div role="gridcell" className="ld-cell" title={text}>
        {/* Before the name, so a narrow column's ellipsis never hides where the copy came from. */}
        {row.origin === 'file' && <span className="ld-source" title="Added from a file; not read from Kartra yet">from a file</span>}
        {row.origin === 'missing' && <span className="ld-source ld-source-missing" title="From a file; Kartra has no such lead">not in Kartra</span>}
        {text || <span className="ld-cell-dim">(no name)</span>}
      </div>
    );
  }
  return (
    <div role="gridcell" className={columnInfo(column).numeric ? 'ld-cell ld-cell-num' : 'ld-cell'} title={text}>
      {text}
    </div>
  );
}
