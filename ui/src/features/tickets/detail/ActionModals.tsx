import { CAN_AUTOSIZE } from './autosize';
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of ConfirmModal. */
export interface ConfirmModalProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}

/** Asks before something that cannot be undone. */
export function ConfirmModal({ opened, title, message, confirmLabel, busy, onConfirm, onCancel, testId }: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} data-testid={testId}>
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('ticket.common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Props of RemindModal. */
export interface RemindModalProps {
  opened: boolean;
  busy?: boolean;
  onSend: (remark: string) => void;
  onCancel: () => void;
}

/** Sends a reminder about the ticket, with an optional remark. */
export function RemindModal({ opened, busy, onSend, onCancel }: RemindModalProps) {
  const { t } = useTranslation();
  const [remark, setRemark] = useState('');
  return (
    <Modal opened={opened} onClose={onCancel} title={t('ticket.remind.title')} data-testid="remind-modal">
      <Stack gap="md">
        <Text size="sm">{t('ticket.remind.explain')}</Text>
        <Textarea
          label={t('ticket.remind.remark')}
          aria-label={t('ticket.remind.remark')}
          placeholder={t('ticket.remind.placeholder')}
          value={remark}
          onChange={(event) => setRemark(event.currentTarget.value)}
          autosize={CAN_AUTOSIZE}
          minRows={2}
          data-autofocus
          data-testid="remind-remark"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('ticket.common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => onSend(remark.trim())} data-testid="remind-send">
            {t('ticket.remind.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Props of ChangeCustomerModal. */
export interface ChangeCustomerModalProps {
  opened: boolean;
  currentCustomer: string | null;
  busy?: boolean;
  onSave: (customerId: string) => void;
  onCancel: () => void;
}

/** Moves the ticket to another customer, by the customer's id at the vendor. */
export function ChangeCustomerModal({ opened, currentCustomer, busy, onSave, onCancel }: ChangeCustomerModalProps) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    if (!customerId.trim()) {
      setError(t('ticket.validation.required'));
      return;
    }
    onSave(customerId.trim());
  };
  return (
    <Modal opened={opened} onClose={onCancel} title={t('ticket.customer.title')} data-testid="change-customer-modal">
      <Stack gap="md">
        {currentCustomer && <Text size="sm">{t('ticket.customer.current', { name: currentCustomer })}</Text>}
        <TextInput
          label={t('ticket.customer.id')}
          aria-label={t('ticket.customer.id')}
          description={t('ticket.customer.idHint')}
          value={customerId}
          error={error}
          onChange={(event) => {
            setCustomerId(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save();
          }}
          data-autofocus
          data-testid="change-customer-id"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('ticket.common.cancel')}
          </Button>
          <Button loading={busy} onClick={save} data-testid="change-customer-save">
            {t('ticket.customer.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
