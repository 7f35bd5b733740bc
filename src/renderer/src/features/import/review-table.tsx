// The review table: only the visible rows exist in the DOM (@tanstack/react-virtual); their pages are read as it scrolls.
// Cells with errors are marked (tooltip + aria-describedby); a click edits a cell inline, Enter saves it.
import { Badge, Checkbox, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ImportRow } from '../../../../shared/domain/import';
import { useBulk, useImportFlow, useReview } from './import-context';

const ROW_HEIGHT = 40;
const COL_WIDTH = 180;
/** The email column is what a user scans the rows by: wide enough for a whole address. */
const EMAIL_WIDTH = 280;
const FIXED = '64px 84px 96px 280px';

const STATUS_COLORS: Record<string, string> = { invalid: 'red', ready: 'green', excluded: 'gray', created: 'teal', updated: 'blue', skipped: 'yellow', failed: 'red', in_flight: 'violet', new: 'green', existing: 'blue', unknown: 'orange', duplicate: 'orange' };

/** Before the run, a ready row shows its class in the plan (new, existing, unknown) and a repeated one "duplicate". */
function badgeOf(row: ImportRow): string {
  if (row.status === 'ready' && row.plan) return row.plan;
  if (row.status === 'invalid' && row.plan === 'duplicate') return 'duplicate';
  return row.status;
}

export interface ReviewTableProps {
  headers: string[];
  /** False after the run started: cells and exclusions are read-only. */
  editable: boolean;
}

interface Editing {
  index: number;
  column: string;
  value: string;
}

export function ReviewTable({ headers, editable }: ReviewTableProps) {
  const { review } = useBulk();
  const rows = useReview((s) => s.rows);
  const total = useReview((s) => s.total) ?? 0;
  const generation = useReview((s) => s.generation);
  const mapping = useImportFlow((s) => s.mapping);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) void review.getState().ensureRange(first, last);
  }, [review, first, last, total, generation]);

  const template = `${FIXED} ${headers.map((h) => `${mapping[h] === 'email' ? EMAIL_WIDTH : COL_WIDTH}px`).join(' ')}`;
  const save = async () => {
    if (!editing) return;
    setSaving(true);
    const fixed = await review.getState().fixCell(editing.index, editing.column, editing.value);
    setSaving(false);
    if (fixed) setEditing(null);
  };

  return (
    <div
      ref={scrollRef}
      data-virtual-scroll="import-review"
      role="table"
      aria-label="Rows to import"
      aria-rowcount={total + 1}
      style={{ height: 420, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
    >
      <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: template, position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)', fontWeight: 600, fontSize: 13, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <div role="columnheader" style={{ padding: 8 }}>Row</div>
        <div role="columnheader" style={{ padding: 8 }}>Exclude</div>
        <div role="columnheader" style={{ padding: 8 }}>Status</div>
        <div role="columnheader" style={{ padding: 8 }}>Problem</div>
        {headers.map((h) => (
          <div role="columnheader" key={h} style={{ padding: 8, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {h}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index];
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              data-row={row?.row}
              style={{ display: 'grid', gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, minWidth: '100%', height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, alignItems: 'center', fontSize: 13, borderBottom: '1px solid var(--mantine-color-default-border)' }}
            >
              {row ? (
                <RowCells
                  row={row}
                  index={item.index}
                  headers={headers}
                  editable={editable}
                  editing={editing?.index === item.index ? editing : null}
                  saving={saving}
                  onEdit={(column) => setEditing({ index: item.index, column, value: row.values[column] ?? '' })}
                  onChange={(value) => setEditing((e) => (e ? { ...e, value } : e))}
                  onSave={() => void save()}
                  onCancel={() => setEditing(null)}
                  onExclude={(excluded) => void review.getState().setExcluded(item.index, excluded)}
                />
              ) : (
                <div role="cell" style={{ padding: 8, color: 'var(--mantine-color-dimmed)' }}>…</div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface RowCellsProps {
  row: ImportRow;
  index: number;
  headers: string[];
  editable: boolean;
  editing: Editing | null;
  saving: boolean;
  onEdit(column: string): void;
  onChange(value: string): void;
  onSave(): void;
  onCancel(): void;
  onExclude(excluded: boolean): void;
}

function RowCells({ row, headers, editable, editing, saving, onEdit, onChange, onSave, onCancel, onExclude }: RowCellsProps) {
  const excluded = row.status === 'excluded';
  return (
    <>
      <div role="cell" style={{ padding: 8 }}>{row.row}</div>
      <div role="cell" style={{ padding: 8 }}>
        <Checkbox aria-label={`Exclude row ${row.row}`} checked={excluded} disabled={!editable} onChange={(e) => onExclude(e.currentTarget.checked)} />
      </div>
      <div role="cell" style={{ padding: 8 }}>
        <Badge size="sm" variant="light" color={STATUS_COLORS[badgeOf(row)] ?? 'gray'} title={row.outcome ?? undefined}>
          {badgeOf(row)}
        </Badge>
      </div>
      <RowProblem row={row} />
      {headers.map((column) => {
        const value = row.values[column] ?? '';
        const errors = row.errors.filter((e) => e.column === column).map((e) => e.message);
        const errorId = errors.length > 0 ? `cell-error-${row.row}-${column.replace(/[^A-Za-z0-9_-]/g, '_')}` : undefined;
        if (editing?.column === column) {
          return (
            <div role="cell" key={column} style={{ padding: '0 4px' }}>
              <TextInput
                size="xs"
                autoFocus
                aria-label={`Row ${row.row} ${column}`}
                aria-describedby={errorId}
                value={editing.value}
                disabled={saving}
                error={errors.length > 0}
                onChange={(e) => onChange(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onSave();
                  if (e.key === 'Escape') onCancel();
                }}
              />
              {errorId && <span id={errorId} hidden>{errors.join('; ')}</span>}
            </div>
          );
        }
        const cell = (
          <UnstyledButton
            aria-label={`Row ${row.row} ${column}: ${value || 'empty'}${editable ? ', click to edit' : ''}`}
            aria-describedby={errorId}
            aria-invalid={errors.length > 0 || undefined}
            disabled={!editable}
            onClick={() => editable && onEdit(column)}
            style={{ width: '100%', height: ROW_HEIGHT, padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', background: errors.length > 0 ? 'var(--mantine-color-red-light)' : undefined, color: errors.length > 0 ? 'var(--mantine-color-red-light-color)' : undefined, textDecoration: excluded ? 'line-through' : undefined }}
          >
            {value}
          </UnstyledButton>
        );
        return (
          <div role="cell" key={column}>
            {errors.length > 0 ? (
              <Tooltip label={errors.join('; ')} withinPortal multiline maw={360}>
                {cell}
              </Tooltip>
            ) : (
              cell
            )}
            {errorId && <span id={errorId} hidden>{errors.join('; ')}</span>}
          </div>
        );
      })}
    </>
  );
}

/** Every refused cell of the row, in words and with its column's name, readable without hovering. */
function RowProblem({ row }: { row: ImportRow }) {
  const text = row.errors.map((e) => `${e.column}: ${e.message}`).join(' · ') || (row.status === 'failed' || row.status === 'skipped' ? (row.outcome ?? '') : '');
  return (
    <div role="cell" title={text || undefined} style={{ padding: '0 8px', fontSize: 12, lineHeight: 1.25, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', color: row.errors.length > 0 ? 'var(--mantine-color-red-text)' : undefined }}>
      {text}
    </div>
  );
}
