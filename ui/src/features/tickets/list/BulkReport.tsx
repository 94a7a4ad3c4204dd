// What a bulk change did: the counts, then every ticket that was not changed with the reason.
import { Alert, Box, Button, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errorMessages';
import { problems, summarize, type BulkResult, type BulkRun } from './bulk';

/** Props of BulkReport. */
export interface BulkReportProps {
  run: BulkRun;
  /** Selected keys that had no loaded row (not tried). */
  missing: number;
  /** Set when the run was halted because the acting agent is missing. */
  agent: { connection: string; chosen: boolean; onChoose: () => void } | null;
}

function Reason({ result }: { result: BulkResult }) {
  const { t } = useTranslation();
  if (result.outcome === 'conflict') {
    return (
      <Text size="xs" c="orange">
        {t('tickets.bulk.conflict')}
      </Text>
    );
  }
  if (result.outcome === 'failed') {
    const { title, message } = describeError(t, result.error);
    return (
      <Text size="xs" c="red">
        <Text span inherit fw={600}>
          {title}
        </Text>{' '}
        {message}
      </Text>
    );
  }
  return null;
}

/** The summary of a run and the tickets it did not change. */
export function BulkReport({ run, missing, agent }: BulkReportProps) {
  const { t } = useTranslation();
  const counts = summarize(run);
  const notChanged = problems(run);
  const summary = [
    t('tickets.bulk.summary.changed', { count: counts.changed }),
    counts.skipped > 0 ? t('tickets.bulk.summary.skipped', { count: counts.skipped }) : '',
    counts.failed > 0 ? t('tickets.bulk.summary.failed', { count: counts.failed }) : '',
    counts.notAttempted > 0 ? t('tickets.bulk.summary.notAttempted', { count: counts.notAttempted }) : '',
  ].join('');
  const left = notChanged.length + counts.notAttempted + missing;

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} c={left === 0 ? 'teal' : undefined} data-testid="bulk-summary">
        {summary}
      </Text>
      {run.end.kind === 'stopped' ? (
        <Text size="sm" c="dimmed" data-testid="bulk-stopped">
          {t('tickets.bulk.stopped')}
        </Text>
      ) : null}
      {agent ? (
        <Alert color={agent.chosen ? 'teal' : 'orange'} variant="light" p="xs" data-testid="bulk-agent-needed">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">
              {agent.chosen
                ? t('tickets.bulk.agentChosen')
                : t('tickets.bulk.agentNeeded', { connection: agent.connection })}
            </Text>
            {agent.chosen ? null : (
              <Button size="compact-sm" variant="light" onClick={agent.onChoose} data-testid="bulk-choose-agent">
                {t('tickets.bulk.chooseAgent')}
              </Button>
            )}
          </Group>
        </Alert>
      ) : null}
      {missing > 0 ? (
        <Text size="sm" c="orange">
          {t('tickets.bulk.missing', { count: missing })}
        </Text>
      ) : null}
      {notChanged.length > 0 ? (
        <Stack gap={4}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t('tickets.bulk.problems')}
          </Text>
          <ScrollArea.Autosize mah={220} type="auto">
            <Stack gap={6} data-testid="bulk-problems">
              {notChanged.map((result) => (
                <Box
                  key={result.target.key}
                  data-testid={`bulk-problem-${result.target.key}`}
                  data-outcome={result.outcome}
                  px="xs"
                  py={4}
                  style={{
                    border: '1px solid var(--mantine-color-default-border)',
                    borderRadius: 'var(--mantine-radius-sm)',
                  }}
                >
                  <Group gap={8} wrap="nowrap">
                    <Text size="xs" ff="monospace" c="dimmed">
                      {result.target.number}
                    </Text>
                    <Text size="sm" truncate title={result.target.title}>
                      {result.target.title || t('tickets.card.untitled')}
                    </Text>
                  </Group>
                  <Reason result={result} />
                </Box>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      ) : null}
      {left > 0 ? (
        <Text size="xs" c="dimmed">
          {t('tickets.bulk.stillSelected')}
        </Text>
      ) : null}
    </Stack>
  );
}
