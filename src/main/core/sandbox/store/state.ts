// The sandbox's whole state: one database with its three stores and the clock everything is timed by.
import type { Clock } from '../est-time';
import { CatalogStore } from './catalog-store';
import { openDb, type Db } from './db';
import { LeadStore } from './lead-store';
import { PaymentStore } from './payment-store';

export interface SandboxState {
  db: Db;
  catalog: CatalogStore;
  leads: LeadStore;
  payments: PaymentStore;
  clock: Clock;
}

export function openState(clock: Clock, dataFile?: string): SandboxState {
  const db = openDb(dataFile);
  return { db, catalog: new CatalogStore(db), leads: new LeadStore(db), payments: new PaymentStore(db), clock };
}
