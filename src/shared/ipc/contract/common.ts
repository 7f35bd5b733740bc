// Small input pieces every domain slice of the contract shares.
import { z } from 'zod';

export const none = z.object({}).strict();
export const JobId = z.string().max(64).regex(/^[A-Za-z0-9-]{8,64}$/, 'not a job id');
