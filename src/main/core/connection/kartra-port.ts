// The narrow slice of the Kartra client the services use; KartraClient satisfies it structurally.
import type { ActionResult, LeadAction } from '../../../shared/domain/actions';
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { Lane } from '../../../shared/domain/limiter';

export interface CallOptions {
  lane?: Lane;
}

export interface KartraPort {
  getLead(ref: LeadRef, options?: CallOptions): Promise<Lead>;
  runActions(ref: LeadRef, actions: LeadAction[], options?: CallOptions): Promise<{ leadId: string; results: ActionResult[] }>;
  retrieveAccountTags(options?: CallOptions): Promise<string[]>;
  /** Closes idle keep-alive connections. */
  close(): Promise<void>;
}
