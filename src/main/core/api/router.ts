// The core router: the one entry for every command, from Electron IPC or the e2e host.
// It validates input with the contract's schema before any handler runs, strips output to the
// contract's schema (so nothing outside it, e.g. a secret, can cross), and always answers an envelope.
import type { z } from 'zod';
import {
  commands,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type CommandParsedInput,
} from '../../../shared/ipc/contract';
import { errorEnvelope, okEnvelope, type Envelope } from '../../../shared/ipc/envelope';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { Handlers } from './handlers';
import { toAppError } from './to-app-error';

export type { Handlers } from './handlers';

export interface Router {
  handle(command: unknown, rawInput: unknown): Promise<Envelope<unknown>>;
}

export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async handle(command, rawInput) {
      if (!isCommandName(command)) {
        return errorEnvelope(
          new AppError('invalid_input', `Unknown command: ${describe(command)}`, { details: { field: 'command' } }).toData(),
        );
      }
      const spec = commands[command];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(input)';
        const message = `Invalid input for ${command}: ${field} — ${issue?.message ?? 'not valid'}`;
        return errorEnvelope(new AppError('invalid_input', message, { details: { field } }).toData());
      }
      try {
        const handler = handlers[command] as (input: unknown) => Promise<unknown>;
        const result = await handler(parsed.data);
        const output = spec.output.safeParse(result);
        if (!output.success) {
          log.error('handler output does not match the contract', { command, issues: output.error.issues.slice(0, 3) });
          return errorEnvelope(new AppError('internal', `The app produced an unexpected answer for ${command}.`).toData());
        }
        return okEnvelope(output.data as CommandOutput<typeof command>);
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === 'internal') log.error('command failed', { command, error });
        return errorEnvelope(appError.toData());
      }
    },
  };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
}
