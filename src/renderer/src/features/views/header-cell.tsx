// One column header of the leads table: a button that sorts by the column (again: the other way) and a
// handle that resizes it by pointer drag or by the arrow keys; both saved in the view's layout.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useViews, useWorkspace } from '../leads/workspace-context';
import { columnInfo } from './columns';

const MIN_WIDTH = 48;
const MAX_WIDTH = 1200;
const KEY_STEP = 16;

export function HeaderCell({ index }: { index: number }) {
  const { views } = useWorkspace();
  const column = useViews((s) => s.layout.columns[index]!);
  const sort = useViews((s) => s.sort);
  const info = columnInfo(column.key);
  const sorted = sort.column === column.key ? sort.dir : null;
  const drag = useRef<{ x: number; width: number } | null>(null);

  const resize = (width: number) => {
    const layout = views.getState().layout;
    const next = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
    views.getState().setLayout({ ...layout, columns: layout.columns.map((c, i) => (i === index ? { ...c, width: next } : c)) });
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width: column.width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) resize(drag.current.width + event.clientX - drag.current.x);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? KEY_STEP : event.key === 'ArrowLeft' ? -KEY_STEP : 0;
    if (step === 0) return;
    // The grid uses the arrow keys to move between rows: the handle keeps them.
    event.preventDefault();
    event.stopPropagation();
    resize(column.width + step);
  };

  return (
    <div
      role="columnheader"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className={info.numeric ? 'ld-cell ld-cell-num ld-head-cell' : 'ld-cell ld-head-cell'}
    >
      <button
        type="button"
        className="ld-sort"
        title={`Sort by ${info.label}`}
        onClick={() => views.getState().setSort({ column: column.key, dir: sorted === 'asc' ? 'desc' : 'asc' })}
        onKeyDown={(event) => event.stopPropagation()}
      >
        {info.label}
        <span aria-hidden="true" className="ld-sort-mark">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
        </span>
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Width of the ${info.label} column`}
        aria-valuenow={column.width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={0}
        className="ld-resize"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={onKeyDown}
        onClick={(event) => event.stopPropagation()}
      />
    </div>
  );
}
