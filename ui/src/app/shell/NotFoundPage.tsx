import { Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

/** Shown for an address that matches no route. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFoundPage.title')} description={t('notFoundPage.description')} />
      <Button component={Link} to="/tickets" variant="light">
        {t('notFoundPage.back')}
      </Button>
    </>
  );
}
