import { commands, type UiLogLevel } from '../bindings';

/** Structured details sent with a log line (serialised to JSON for the Rust log). */
export type LogContext = Record<string, unknown>;

/** Longest message or context forwarded to Rust; longer text is cut so a runaway stack cannot flood the log. */
export const MAX_LOG_TEXT = 8000;

function truncate(text: string): string {
  return text.length > MAX_LOG_TEXT ? `${text.slice(0, MAX_LOG_TEXT)}…` : text;
}

function serialiseContext(context: LogContext | undefined): string | null {
  if (context === undefined) return null;
  try {
    return truncate(JSON.stringify(context));
  } catch {
    return '"[context could not be serialised]"';
  }
}

const ignore = (): void => undefined;

function forward(level: UiLogLevel, message: string, context?: LogContext): void {
  try {
    commands
      .logFromUi({ level, message: truncate(message), context: serialiseContext(context) })
      .then(ignore, ignore);
  } catch {
    // Logging must never break the caller.
  }
}

/**
 * The UI logger: forwards lines to the Rust log via the logFromUi command.
 * Fire-and-forget: it never throws and ignores delivery failures.
 */
export const log = {
  error: (message: string, context?: LogContext) => forward('error', message, context),
  warn: (message: string, context?: LogContext) => forward('warn', message, context),
  info: (message: string, context?: LogContext) => forward('info', message, context),
  debug: (message: string, context?: LogContext) => forward('debug', message, context),
};
