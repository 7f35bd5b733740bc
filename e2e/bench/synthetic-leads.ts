// Synthetic leads for the benchmarks, written straight into the core's local database through the core's
// own repository (LeadCacheRepo.put) in one transaction — the way leads the app has seen are stored.
import { join } from 'node:path';
import { blankLead, type Lead } from '../../src/shared/domain/lead';
import { openDatabase, transaction } from '../../src/main/core/store/database';
import { LeadCacheRepo } from '../../src/main/core/store/lead-cache-repo';

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Amara', 'Kenji', 'Priya', 'Tomás', 'Zoë', 'Yusuf'];
const LAST = ['Bennett', 'García', 'Nguyen', 'Okafor', 'Schmidt', 'Rossi', 'Kowalski', 'Tanaka', 'Haddad', 'Silva', 'Johansson', 'Murphy'];
const COMPANIES = ['Brightside Bakery', 'Tidewater Yoga', 'Northwind Labs', 'Acme Analytics', '', 'Globex', 'Initech', 'Blue Fern Studio'];
const COUNTRIES = ['United States', 'United Kingdom', 'Germany', 'Mexico', 'Japan', 'Brazil', 'India', 'France'];
const TAGS = ['Customer', 'Newsletter Subscriber', 'VIP', 'Webinar Attendee', 'Checklist Download', 'Free Trial', 'Churned'];

export function syntheticLead(i: number): Lead {
  const first = FIRST[i % FIRST.length]!;
  const last = `${LAST[Math.floor(i / FIRST.length) % LAST.length]!} ${String(i).padStart(6, '0')}`;
  return {
    ...blankLead(String(100_000 + i), `${first.toLowerCase()}.${i}@bench.example.com`),
    first_name: first,
    last_name: last,
    country: COUNTRIES[i % COUNTRIES.length]!,
    company: COMPANIES[i % COMPANIES.length]!,
    date_joined: '2025-01-01 00:00:00',
    score: (i * 37) % 500,
    source: 'import',
    tags: TAGS.filter((_, t) => (i + t) % 4 === 0),
  };
}

/** Puts `count` leads into the account's cache in the host's data folder; returns how long it took. */
export function fillLeadCache(dataDir: string, accountId: string, count: number): number {
  const started = performance.now();
  const db = openDatabase(join(dataDir, 'lead-desk.sqlite'));
  try {
    const repo = new LeadCacheRepo(db);
    const seenAt = Date.now();
    transaction(db, () => {
      for (let i = 0; i < count; i++) repo.put(accountId, syntheticLead(i), seenAt);
    });
  } finally {
    db.close();
  }
  return performance.now() - started;
}
