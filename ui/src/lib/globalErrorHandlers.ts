import { log } from './log';

function describeReason(reason: unknown): { message: string; stack?: string } {
  if (reason instanceof Error) return { message: `${reason.name}: ${reason.message}`, stack: reason.stack };
  if (typeof reason === 'string') return { message: reason };
  try {
    return { message: JSON.stringify(reason) ?? String(reason) };
  } catch {
    return { message: String(reason) };
  }
}

function currentRoute(getRoute: () => string): string | undefined {
  try {
    return getRoute();
  } catch {
    return undefined;
  }
}

/**
 * Forwards uncaught errors and unhandled promise rejections to the Rust log, with the stack and
 * the route the user was on. Returns a function that removes the handlers.
 */
export function installGlobalErrorHandlers(getRoute: () => string): () => void {
  const onError = (event: ErrorEvent): void => {
    const { message, stack } = describeReason(event.error ?? event.message);
    log.error(`Uncaught error: ${message}`, {
      stack,
      source: event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : undefined,
      route: currentRoute(getRoute),
    });
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    const { message, stack } = describeReason(event.reason);
    log.error(`Unhandled promise rejection: ${message}`, { stack, route: currentRoute(getRoute) });
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
