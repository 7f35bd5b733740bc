// Bounds shared by the contract's input schemas: a record that refuses more than `maxEntries` keys (zod has
// no such check of its own), registered with its bound so the contract test can see that it has one.
import { z } from 'zod';

export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V, maxEntries: number) {
  return z
    .record(key, value)
    .refine((record) => Object.keys(record).length <= maxEntries, { message: `has more than ${maxEntries} entries` })
    .meta({ maxEntries });
}

/** Lengths used across the contract. */
export const MAX_NAME = 200; // a Kartra tag, list, sequence, calendar or class name
export const MAX_LEAD_ID = 20; // digits of a Kartra lead id
export const MAX_EMAIL = 320;
export const MAX_ID = 100; // ids Lead Desk makes (accounts, recipes)
