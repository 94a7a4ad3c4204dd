import { EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/** Props of NotAvailableYet. */
export interface NotAvailableYetProps {
  /** The area's name, shown as the page title. */
  title: string;
  /** What the area will do for a supervisor. */
  purpose: string;
  icon: ReactNode;
}

/**
 * The honest page of an area that is not built yet: what it will do, and that this version does not have it.
 * Shows no data of any kind.
 */
export function NotAvailableYet({ title, purpose, icon }: NotAvailableYetProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <Paper withBorder radius="md" py={56} px="xl" maw={760} data-testid="not-available">
        <EmptyState
          variant="light"
          size="md"
          icon={icon}
          title={t('comingSoon.title')}
          description={t('comingSoon.description')}
        />
      </Paper>
    </>
  );
}
