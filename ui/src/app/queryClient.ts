import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from '../lib/notifyError';

/**
 * The app's QueryClient: every failed query or mutation is shown through notifyError.
 * No automatic retries, not even when another component mounts: a local IPC call that failed
 * will fail the same way again, so it is repeated only on the user's request (refetch).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => notifyError(error) }),
    mutationCache: new MutationCache({ onError: (error) => notifyError(error) }),
    defaultOptions: {
      queries: { retry: false, retryOnMount: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
