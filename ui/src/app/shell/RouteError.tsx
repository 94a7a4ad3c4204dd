import { Alert, Button, Code, Stack } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { log } from '../../lib/log';

/** Shown in place of a page that threw while rendering or loading; logs the error to Rust. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  useEffect(() => {
    const stack = error instanceof Error ? error.stack : undefined;
    log.error(`Page failed: ${message}`, { stack, route: window.location.hash });
  }, [error, message]);
  return (
    <Alert color="red" variant="light" title={t('routeError.title')} maw={760} data-testid="route-error">
      <Stack gap="sm" align="flex-start">
        {t('routeError.description')}
        <Code block>{message}</Code>
        <Button size="xs" variant="light" color="red" onClick={reset}>
          {t('routeError.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
