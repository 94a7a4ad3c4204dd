import { Alert, Button, DataList, Skeleton, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsCard } from '../../components/SettingsCard';
import { useAppInfo } from '../system/useAppInfo';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue data-testid={testId}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return (
    <Text component="span" ff="monospace" size="sm" style={{ wordBreak: 'break-all', userSelect: 'text' }}>
      {children}
    </Text>
  );
}

/** Build and environment details from appInfo, as selectable text (for support requests). */
export function AboutSection() {
  const { t } = useTranslation();
  const { data: info, isError, refetch } = useAppInfo();

  let body: ReactNode;
  if (info) {
    body = (
      <DataList withDivider labelWidth={180} style={{ userSelect: 'text' }}>
        <Row label={t('settings.about.name')} testId="about-name">
          {info.name}
        </Row>
        <Row label={t('settings.about.version')} testId="about-version">
          {info.version}
        </Row>
        <Row label={t('settings.about.commit')} testId="about-commit">
          <Mono>{info.commit}</Mono>
        </Row>
        <Row label={t('settings.about.buildProfile')} testId="about-build-profile">
          {t(`buildProfile.${info.buildProfile}`)}
        </Row>
        <Row label={t('settings.about.platform')} testId="about-platform">
          {`${info.os} · ${info.arch}`}
        </Row>
        <Row label={t('settings.about.tauriVersion')} testId="about-tauri-version">
          {info.tauriVersion}
        </Row>
        <Row label={t('settings.about.systemLocale')} testId="about-system-locale">
          {info.systemLocale}
        </Row>
        <Row label={t('settings.about.configDir')} testId="about-config-dir">
          <Mono>{info.configDir}</Mono>
        </Row>
        <Row label={t('settings.about.logDir')} testId="about-log-dir">
          <Mono>{info.logDir}</Mono>
        </Row>
      </DataList>
    );
  } else if (isError) {
    body = (
      <Alert color="red" variant="light" title={t('settings.about.loadFailed')}>
        <Button size="xs" variant="light" color="red" onClick={() => void refetch()}>
          {t('settings.retry')}
        </Button>
      </Alert>
    );
  } else {
    body = <Skeleton height={220} radius="sm" />;
  }

  return (
    <SettingsCard title={t('settings.about.title')} data-testid="settings-about">
      {body}
    </SettingsCard>
  );
}
