import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionTest } from '../../bindings';

/** Which kind of connection was tested: decides the vendor name and what its credential is called. */
export type TestedVendor = 'sobot' | 'sobotCallcenter' | 'udesk';

/** Props of ConnectionTestResult. */
export interface ConnectionTestResultProps {
  result: ConnectionTest;
  vendor: TestedVendor;
  /** The address that was called (region host or base URL), for the explanations that name it. */
  address: string;
  'data-testid'?: string;
}

/**
 * The outcome of a connection test, in the user's language: success, or what the problem most likely is
 * and what to do about it, with what the vendor or the network said in a details line.
 */
export function ConnectionTestResult({ result, vendor, address, 'data-testid': testId }: ConnectionTestResultProps) {
  const { t } = useTranslation();
  const vendorName = t(`vendors.${vendor}`);

  if (result.ok) {
    return (
      <Alert color="teal" variant="light" title={t('profiles.test.ok.title')} data-testid={testId}>
        {t('profiles.test.ok.message', { vendor: vendorName })}
      </Alert>
    );
  }

  const vars = {
    vendor: vendorName,
    address,
    credential: t(`profiles.test.credential.${vendor}`),
    secret: t(`profiles.test.secret.${vendor}`),
  };
  const problem = result.problem;
  let title: string;
  let message: string;
  if (problem === 'vendor') {
    title = t('profiles.test.problems.vendor.title', vars);
    message = result.vendorCode
      ? t('profiles.test.problems.vendor.message', { ...vars, vendorCode: result.vendorCode, detail: result.message })
      : t('profiles.test.problems.vendor.messageNoCode', { ...vars, detail: result.message });
  } else if (problem) {
    title = t(`profiles.test.problems.${problem}.title`, vars);
    message = t(`profiles.test.problems.${problem}.message`, vars);
  } else {
    title = t('profiles.test.problems.unknown.title', vars);
    message = t('profiles.test.problems.unknown.message', vars);
  }
  // The vendor's own message is already in the explanation of a vendor error.
  const details =
    problem === 'vendor' || !result.message
      ? null
      : result.vendorCode
        ? t('profiles.test.detailsWithCode', { code: result.vendorCode, detail: result.message })
        : t('profiles.test.details', { detail: result.message });

  return (
    <Alert color="red" variant="light" title={title} data-testid={testId}>
      <Stack gap={4}>
        <Text size="sm">{message}</Text>
        {details ? (
          <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-word', userSelect: 'text' }}>
            {details}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
