import { Button, Group, Input, PasswordInput, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of SecretField. */
export interface SecretFieldProps {
  label: string;
  /** Whether a secret is stored in the OS keychain for this connection. */
  stored: boolean;
  /** The new secret being entered; null leaves the stored one (or none) alone. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  /** Field path, for test ids (`sobot.appKey`). */
  path: string;
  description?: string;
}

/**
 * A write-only secret. When one is stored, only that fact is shown, with "Replace" to enter a new one
 * (and "Keep stored" to go back). The value typed is never shown unless the user reveals it.
 */
export function SecretField({ label, stored, value, onChange, error, path, description }: SecretFieldProps) {
  const { t } = useTranslation();
  const labelId = useId();

  if (stored && value === null) {
    return (
      <Input.Wrapper label={label} labelProps={{ id: labelId }} error={error} description={description}>
        <Group
          justify="space-between"
          gap="sm"
          wrap="nowrap"
          mt={4}
          aria-labelledby={labelId}
          role="group"
          data-testid={`secret-stored-${path}`}
        >
          <Text size="sm" c="teal">
            {t('profiles.secret.stored')}
          </Text>
          <Button size="xs" variant="default" onClick={() => onChange('')} data-testid={`secret-replace-${path}`}>
            {t('profiles.secret.replace')}
          </Button>
        </Group>
      </Input.Wrapper>
    );
  }

  const input = (
    <PasswordInput
      label={label}
      description={description ?? (stored ? t('profiles.secret.replacing') : t('profiles.secret.entering'))}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      withAsterisk={!stored}
      autoComplete="new-password"
      spellCheck={false}
      data-testid={`secret-input-${path}`}
    />
  );
  if (!stored) return input;
  return (
    <Stack gap={4}>
      {input}
      <Group justify="flex-end">
        <Button size="xs" variant="subtle" onClick={() => onChange(null)} data-testid={`secret-keep-${path}`}>
          {t('profiles.secret.keep')}
        </Button>
      </Group>
    </Stack>
  );
}
