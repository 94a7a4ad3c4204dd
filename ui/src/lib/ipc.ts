import type { IpcError } from '../bindings';

/** What every generated command resolves to (tauri-specta, ErrorHandlingMode::Result). */
export type CommandResult<T> = { status: 'ok'; data: T } | { status: 'error'; error: IpcError };

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : 'Command failed';
}

/** A command that Rust answered with an error: carries the typed IpcError (stable `code`) for the UI to act on. */
export class CommandError extends Error {
  readonly ipcError: IpcError;

  constructor(ipcError: IpcError) {
    super(messageOf(ipcError));
    this.name = 'CommandError';
    this.ipcError = ipcError;
  }
}

/** Returns the data of an ok Result, or throws a CommandError for an error Result. */
export function unwrapResult<T>(result: CommandResult<T>): T {
  if (result.status === 'ok') return result.data;
  throw new CommandError(result.error);
}

/**
 * Awaits a generated command and unwraps its Result, e.g. `runCommand(commands.appInfo())`.
 * Use it in every query and mutation so that failures reach the shared error notification.
 */
export async function runCommand<T>(pending: Promise<CommandResult<T>>): Promise<T> {
  return unwrapResult(await pending);
}
