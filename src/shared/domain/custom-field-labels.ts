// Custom fields in words: Kartra names them by identifier ("job_title") and type ("drop_down"); people
// read "Job title" and "Drop-down".
import type { CustomFieldType } from './lead';

export const FIELD_TYPE_WORDS: Record<CustomFieldType, string> = {
  input_field: 'Text',
  text_area: 'Long text',
  drop_down: 'Drop-down',
  radio_button: 'Single choice',
  checkbox: 'Checkboxes',
};

/** "job_title" / "jobTitle" / "job-title" → "Job title". */
export function fieldLabel(identifier: string): string {
  const words = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : identifier;
}
