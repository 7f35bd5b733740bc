// Validated inputs for creating and editing a lead (kartra-api.md §8.1), shared so the UI validates before sending.
import { z } from 'zod';
import { LEAD_TEXT_FIELDS, type LeadTextField } from './lead';
import { KARTRA_TIME_ZONES } from './time-zones';

const fieldText = z.string().max(2000, 'is longer than 2000 characters');
const textShape = Object.fromEntries(LEAD_TEXT_FIELDS.map((field) => [field, fieldText.optional()])) as {
  [K in LeadTextField]: z.ZodOptional<typeof fieldText>;
};

const timeZone = z
  .string()
  .max(100)
  .refine((value) => value === '' || (KARTRA_TIME_ZONES as readonly string[]).includes(value), {
    message: 'is not one of the time zones Kartra accepts (e.g. Europe/London, America/New_York)',
  })
  .optional();

/** One custom field value: text for input/text area, an option id for drop-down/radio, option ids for checkboxes; "" clears. */
export const CustomFieldInput = z
  .object({
    field_identifier: z.string().trim().min(1, 'is empty').max(100, 'is longer than 100 characters'),
    field_value: z.union([fieldText, z.array(z.string().trim().min(1, 'is an empty option id').max(50)).max(200)]),
  })
  .strict();
export type CustomFieldInput = z.infer<typeof CustomFieldInput>;

const email = z.string().trim().email('is not a valid email address').max(320);

const common = {
  ...textShape,
  lead_preferred_time_zone: timeZone,
  custom_fields: z.array(CustomFieldInput).max(500).optional(),
  /** Kartra documents it only as a number (kartra-api.md §8.1, §14.4). */
  business_type: z.number().int().nonnegative().optional(),
};

/** create_lead: email required. */
export const CreateLeadInput = z.object({ email, ...common }).strict();
export type CreateLeadInput = z.input<typeof CreateLeadInput>;
export type CreateLeadData = z.output<typeof CreateLeadInput>;

/** edit_lead: every field optional; new_email changes the address. */
export const EditLeadChanges = z.object({ new_email: email.optional(), ...common }).strict();
export type EditLeadChanges = z.input<typeof EditLeadChanges>;
export type EditLeadData = z.output<typeof EditLeadChanges>;

