import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentView } from '../../../bindings';

/** Props of ActingAgentModal. */
export interface ActingAgentModalProps {
  opened: boolean;
  connectionName: string;
  agents: AgentView[];
  currentAgentId?: string | null;
  onChoose: (agentId: string) => Promise<void>;
  onCancel: () => void;
}

/** The vendor needs to know which agent the user writes as: asks once per connection. */
export function ActingAgentModal({
  opened,
  connectionName,
  agents,
  currentAgentId = null,
  onChoose,
  onCancel,
}: ActingAgentModalProps) {
  const { t } = useTranslation();
  const [agentId, setAgentId] = useState<string | null>(currentAgentId);
  const [saving, setSaving] = useState(false);
  const data = agents.map((agent) => ({
    value: agent.id,
    label: agent.email ? `${agent.name} · ${agent.email}` : agent.name,
  }));

  const confirm = async () => {
    if (!agentId) return;
    setSaving(true);
    try {
      await onChoose(agentId);
    } catch {
      // Shown by the caller's notification; the dialog stays open for another try.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={t('ticket.agent.title')}
      data-testid="acting-agent-modal"
    >
      <Stack gap="md">
        <Text size="sm">{t('ticket.agent.explain', { connection: connectionName })}</Text>
        <Select
          label={t('ticket.agent.label')}
          aria-label={t('ticket.agent.label')}
          placeholder={t('ticket.agent.placeholder')}
          data={data}
          value={agentId}
          onChange={setAgentId}
          searchable
          nothingFoundMessage={t('ticket.common.nothingFound')}
          comboboxProps={{ withinPortal: false }}
          data-testid="acting-agent-select"
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          {t('ticket.agent.remembered')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('ticket.common.cancel')}
          </Button>
          <Button disabled={!agentId} loading={saving} onClick={() => void confirm()} data-testid="acting-agent-confirm">
            {t('ticket.agent.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
