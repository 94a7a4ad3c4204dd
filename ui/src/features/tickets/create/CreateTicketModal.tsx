// Creates a ticket on one of the profile's connections: Sobot as an agent or on a customer's
// behalf (category tree, source, custom fields), Udesk (templates, custom fields); attachments
// dropped or picked go through the same upload path as replies.
import { CAN_AUTOSIZE } from '../detail/autosize';
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  Input,
  Loader,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
  TreeSelect,
  type TreeNodeData,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type CatalogItem, type ConnectionCatalogView, type CustomFieldView } from '../../../bindings';
import { describeError } from '../../../lib/errorMessages';
import { CommandError, runCommand } from '../../../lib/ipc';
import { notifyError } from '../../../lib/notifyError';
import { AttachmentList } from '../attachments/AttachmentList';
import { DropOverlay } from '../attachments/DropOverlay';
import { pickFiles } from '../attachments/pickFiles';
import { useAttachments } from '../attachments/useAttachments';
import { useWindowFileDrop } from '../attachments/useWindowFileDrop';
import { findCatalog, itemLabel, useTicketCatalogs } from '../catalog';
import { ActingAgentModal } from '../detail/ActingAgentModal';
import { AlertIcon, PaperclipIcon } from '../detail/icons';
import { isActingAgentError } from '../detail/useTicketWrites';
import { ticketKeys } from '../ticketKeys';
import {
  buildNewTicket,
  type CreateFormState,
  emptyCreateForm,
  type FieldProblem,
  fieldKind,
  formFieldOf,
  validateCreateForm,
} from './createForm';

export interface CreateTicketModalProps {
  profileId: string;
  opened: boolean;
  onClose: () => void;
  defaultConnectionId?: string;
  onCreated: (connectionId: string, ticketId: string) => void;
}

/** data-testid of the create form's controls (never translated). */
export const CREATE_TICKET_TEST_IDS = {
  form: 'create-ticket-form',
  connection: 'create-connection',
  mode: 'create-mode',
  title: 'create-title',
  content: 'create-content',
  category: 'create-category',
  template: 'create-template',
  priority: 'create-priority',
  status: 'create-status',
  source: 'create-source',
  assignee: 'create-assignee',
  group: 'create-group',
  customerId: 'create-customer-id',
  customerEmail: 'create-customer-email',
  customerPhone: 'create-customer-phone',
  attach: 'create-attach',
  submit: 'create-submit',
  cancel: 'create-cancel',
} as const;

/** The category tree of a connection (deleted ones left out); only leaves can be chosen. */
export function categoryTree(categories: readonly CatalogItem[], language: string): TreeNodeData[] {
  const live = categories.filter((item) => !item.deleted);
  const codes = new Set(live.map((item) => item.code));
  const build = (parent: string | null): TreeNodeData[] =>
    live
      .filter((item) => (parent === null ? item.parent === null || !codes.has(item.parent) : item.parent === parent))
      .map((item) => {
        const children = build(item.code);
        return children.length > 0
          ? { value: item.code, label: itemLabel(item, language), children }
          : { value: item.code, label: itemLabel(item, language) };
      });
  return build(null);
}

function problemText(t: TFunction, problem: FieldProblem | undefined): string | undefined {
  if (!problem) return undefined;
  return t(`ticket.validation.${problem}`);
}

const options = (items: readonly CatalogItem[], language: string) =>
  items.filter((item) => !item.deleted).map((item) => ({ value: item.code, label: itemLabel(item, language) }));

/** One custom field, by its vendor type. */
function CustomField({
  field,
  value,
  error,
  onChange,
}: {
  field: CustomFieldView;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const kind = fieldKind(field);
  const common = {
    label: field.name,
    'aria-label': field.name,
    required: field.required,
    error,
    'data-testid': `create-field-${field.key}`,
  };
  const data = field.options.map((option) => ({ value: option.value, label: option.label || option.value }));
  switch (kind) {
    case 'textarea':
      return <Textarea {...common} value={value} autosize={CAN_AUTOSIZE} minRows={2} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'select':
      return (
        <Select
          {...common}
          data={data}
          value={value || null}
          onChange={(next) => onChange(next ?? '')}
          clearable={!field.required}
          searchable={data.length > 8}
          comboboxProps={{ withinPortal: false }}
        />
      );
    case 'multi':
      return (
        <MultiSelect
          {...common}
          data={data}
          value={value ? value.split(',').filter(Boolean) : []}
          onChange={(next) => onChange(next.join(','))}
          comboboxProps={{ withinPortal: false }}
        />
      );
    case 'date':
    case 'time':
    case 'datetime':
      return (
        <TextInput
          {...common}
          type={kind === 'datetime' ? 'datetime-local' : kind}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return <TextInput {...common} inputMode="decimal" value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
    default:
      return (
        <TextInput
          {...common}
          type={kind === 'link' ? 'url' : 'text'}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

function CreateTicketForm({
  profileId,
  defaultConnectionId,
  catalogs,
  onClose,
  onCreated,
}: {
  profileId: string;
  defaultConnectionId?: string;
  catalogs: ConnectionCatalogView[];
  onClose: () => void;
  onCreated: (connectionId: string, ticketId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const initial =
    (defaultConnectionId && findCatalog(catalogs, defaultConnectionId)?.connectionId) ||
    catalogs[0]?.connectionId ||
    null;
  const [form, setForm] = useState<CreateFormState>(() => emptyCreateForm(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [askAgent, setAskAgent] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const catalog = findCatalog(catalogs, form.connectionId ?? '');
  const sobot = catalog?.vendor === 'sobot';
  const canAsCustomer = sobot && (catalog?.capabilities.createAsCustomer ?? false);
  const asCustomer = canAsCustomer && form.asCustomer;
  const canAttach = catalog?.capabilities.attachOnCreate ?? false;
  const attachments = useAttachments(form.connectionId ? { profileId, connectionId: form.connectionId, ticketId: null } : null);
  const { attach, clear } = attachments;

  const set = <K extends keyof CreateFormState>(key: K, value: CreateFormState[K], errorKey: string = key) => {
    setForm((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => {
      if (!(errorKey in previous)) return previous;
      const next = { ...previous };
      delete next[errorKey];
      return next;
    });
  };

  const dropped = useCallback(
    (paths: string[]) => {
      if (canAttach) void attach(paths);
      else notifications.show({ color: 'orange', message: t('ticket.create.noAttachments') });
    },
    [attach, canAttach, t],
  );
  const { dragging } = useWindowFileDrop(dropped, !askAgent);

  const pick = async () => {
    try {
      await attach(await pickFiles());
    } catch (error) {
      notifyError(error);
    }
  };

  const tree = useMemo(() => categoryTree(catalog?.categories ?? [], language), [catalog, language]);

  // The custom fields of the chosen Sobot category's template (read live) or Udesk template.
  const chosenLeaf = sobot
    ? (catalog?.categories.find((item) => item.code === form.categoryId && item.leaf)?.code ?? null)
    : form.templateId;
  const formFields = useQuery({
    queryKey: [...ticketKeys.all(profileId), 'formFields', form.connectionId, chosenLeaf] as const,
    queryFn: () => runCommand(commands.ticketFormFields(profileId, form.connectionId ?? '', chosenLeaf)),
    enabled: form.connectionId !== null && (!sobot || chosenLeaf !== null),
  });
  const fields = sobot && chosenLeaf === null ? [] : (formFields.data ?? []);

  const submit = async () => {
    setGeneral(null);
    const problems = validateCreateForm(form, catalog, fields);
    const next: Record<string, string> = {};
    for (const [key, problem] of Object.entries(problems)) next[key] = problemText(t, problem) ?? '';
    if (attachments.uploading) {
      setGeneral(t('ticket.create.waitForUploads'));
      return;
    }
    setErrors(next);
    if (!catalog || Object.keys(next).length > 0) {
      // Take the user to the first field to fix.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      const ticketId = await runCommand(
        commands.createTicket(profileId, catalog.connectionId, buildNewTicket(form, catalog, attachments.references, fields)),
      );
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all(profileId) });
      notifications.show({ color: 'teal', message: t('ticket.create.created'), autoClose: 4000 });
      clear();
      onCreated(catalog.connectionId, ticketId);
      onClose();
    } catch (error) {
      if (isActingAgentError(error)) {
        setAskAgent(true);
      } else if (error instanceof CommandError && error.ipcError.code === 'invalidInput') {
        const field = formFieldOf(error.ipcError.field, catalog);
        const message =
          error.ipcError.message === 'required'
            ? t('ticket.validation.required')
            : t('ticket.validation.server', { detail: error.ipcError.message });
        if (field) setErrors((previous) => ({ ...previous, [field]: message }));
        else setGeneral(describeError(t, error).message);
      } else {
        setGeneral(describeError(t, error).message);
        notifyError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const chooseAgent = async (agentId: string) => {
    if (!catalog) return;
    try {
      await runCommand(commands.setActingAgent(profileId, catalog.connectionId, agentId));
    } catch (error) {
      notifyError(error);
      throw error;
    }
    queryClient.setQueryData<ConnectionCatalogView[]>(ticketKeys.catalogs(profileId), (previous) =>
      previous?.map((item) => (item.connectionId === catalog.connectionId ? { ...item, actingAgentId: agentId } : item)),
    );
    setAskAgent(false);
    await submit();
  };

  const agents = (catalog?.agents ?? []).map((agent) => ({ value: agent.id, label: agent.name }));
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <Stack gap="md" ref={formRef} data-testid={CREATE_TICKET_TEST_IDS.form}>
      <SimpleGrid cols={canAsCustomer ? 2 : 1} spacing="sm">
        <Select
          label={t('ticket.create.connection')}
          aria-label={t('ticket.create.connection')}
          data={catalogs.map((item) => ({ value: item.connectionId, label: item.name }))}
          value={form.connectionId}
          allowDeselect={false}
          onChange={(value) => {
            if (!value || value === form.connectionId) return;
            setForm((previous) => ({ ...emptyCreateForm(value), title: previous.title, content: previous.content }));
            setErrors({});
            clear();
          }}
          comboboxProps={{ withinPortal: false }}
          data-testid={CREATE_TICKET_TEST_IDS.connection}
        />
        {canAsCustomer && (
          <Input.Wrapper label={t('ticket.create.mode')}>
            <SegmentedControl
              fullWidth
              aria-label={t('ticket.create.mode')}
              value={asCustomer ? 'customer' : 'agent'}
              onChange={(value) => set('asCustomer', value === 'customer')}
              data={[
                { value: 'agent', label: t('ticket.create.asAgent') },
                { value: 'customer', label: t('ticket.create.asCustomer') },
              ]}
              data-testid={CREATE_TICKET_TEST_IDS.mode}
            />
          </Input.Wrapper>
        )}
      </SimpleGrid>

      <TextInput
        label={t('ticket.create.title')}
        aria-label={t('ticket.create.title')}
        required
        value={form.title}
        error={errors.title}
        onChange={(event) => set('title', event.currentTarget.value)}
        autoFocus
        data-testid={CREATE_TICKET_TEST_IDS.title}
      />
      <Textarea
        label={t('ticket.create.content')}
        aria-label={t('ticket.create.content')}
        required
        autosize={CAN_AUTOSIZE}
        minRows={4}
        maxRows={12}
        value={form.content}
        error={errors.content}
        onChange={(event) => set('content', event.currentTarget.value)}
        data-testid={CREATE_TICKET_TEST_IDS.content}
      />

      <SimpleGrid cols={2} spacing="sm">
        {sobot ? (
          <TreeSelect
            label={t('ticket.fields.category')}
            aria-label={t('ticket.fields.category')}
            required={catalog?.capabilities.categoryRequired}
            data={tree}
            value={form.categoryId}
            onChange={(value) => set('categoryId', value)}
            searchable
            defaultExpandAll
            expandOnClick
            clearable
            nothingFoundMessage={t('ticket.common.nothingFound')}
            placeholder={t('ticket.create.categoryPlaceholder')}
            error={errors.categoryId}
            comboboxProps={{ withinPortal: false }}
            data-testid={CREATE_TICKET_TEST_IDS.category}
          />
        ) : (
          <Select
            label={t('ticket.create.template')}
            aria-label={t('ticket.create.template')}
            data={options(catalog?.templates ?? [], language)}
            value={form.templateId}
            onChange={(value) => set('templateId', value)}
            clearable
            placeholder={t('ticket.create.templateDefault')}
            error={errors.templateId}
            comboboxProps={{ withinPortal: false }}
            data-testid={CREATE_TICKET_TEST_IDS.template}
          />
        )}
        {sobot && (
          <Select
            label={t('ticket.fields.source')}
            aria-label={t('ticket.fields.source')}
            data={options(catalog?.sources ?? [], language)}
            value={form.source}
            onChange={(value) => set('source', value)}
            clearable
            placeholder={t('ticket.create.vendorDefault')}
            error={errors.source}
            comboboxProps={{ withinPortal: false }}
            data-testid={CREATE_TICKET_TEST_IDS.source}
          />
        )}
        {!asCustomer && (
          <>
            <Select
              label={t('ticket.fields.priority')}
              aria-label={t('ticket.fields.priority')}
              data={options(catalog?.priorities ?? [], language)}
              value={form.priority}
              onChange={(value) => set('priority', value)}
              clearable
              placeholder={t('ticket.create.vendorDefault')}
              error={errors.priority}
              comboboxProps={{ withinPortal: false }}
              data-testid={CREATE_TICKET_TEST_IDS.priority}
            />
            <Select
              label={t('ticket.fields.status')}
              aria-label={t('ticket.fields.status')}
              data={options(catalog?.statuses ?? [], language)}
              value={form.status}
              onChange={(value) => set('status', value)}
              clearable
              placeholder={t('ticket.create.vendorDefault')}
              error={errors.status}
              comboboxProps={{ withinPortal: false }}
              data-testid={CREATE_TICKET_TEST_IDS.status}
            />
            <Select
              label={t('ticket.fields.assignee')}
              aria-label={t('ticket.fields.assignee')}
              data={agents}
              value={form.assigneeId}
              onChange={(value) => set('assigneeId', value)}
              clearable
              searchable
              nothingFoundMessage={t('ticket.common.nothingFound')}
              placeholder={t('ticket.create.unassigned')}
              error={errors.assigneeId}
              comboboxProps={{ withinPortal: false }}
              data-testid={CREATE_TICKET_TEST_IDS.assignee}
            />
            <Select
              label={t('ticket.fields.group')}
              aria-label={t('ticket.fields.group')}
              data={options(catalog?.groups ?? [], language)}
              value={form.groupId}
              onChange={(value) => set('groupId', value)}
              clearable
              searchable
              nothingFoundMessage={t('ticket.common.nothingFound')}
              placeholder={t('ticket.create.noGroup')}
              error={errors.groupId}
              comboboxProps={{ withinPortal: false }}
              data-testid={CREATE_TICKET_TEST_IDS.group}
            />
          </>
        )}
      </SimpleGrid>

      <Divider label={t('ticket.create.customerSection')} labelPosition="left" />
      {errors.customer && (
        <Text size="sm" c="red" data-testid="create-customer-error">
          {errors.customer}
        </Text>
      )}
      <SimpleGrid cols={sobot && !asCustomer ? 1 : 3} spacing="sm">
        <TextInput
          label={t('ticket.create.customerId')}
          aria-label={t('ticket.create.customerId')}
          description={sobot && !asCustomer ? t('ticket.create.customerIdHint') : undefined}
          value={form.customerId}
          onChange={(event) => set('customerId', event.currentTarget.value, 'customer')}
          data-testid={CREATE_TICKET_TEST_IDS.customerId}
        />
        {(!sobot || asCustomer) && (
          <>
            <TextInput
              label={t('ticket.create.customerEmail')}
              aria-label={t('ticket.create.customerEmail')}
              type="email"
              value={form.customerEmail}
              error={errors.customerEmail}
              onChange={(event) => {
                set('customerEmail', event.currentTarget.value);
                setErrors((previous) => {
                  const next = { ...previous };
                  delete next.customer;
                  return next;
                });
              }}
              data-testid={CREATE_TICKET_TEST_IDS.customerEmail}
            />
            <TextInput
              label={t('ticket.create.customerPhone')}
              aria-label={t('ticket.create.customerPhone')}
              type="tel"
              value={form.customerPhone}
              onChange={(event) => set('customerPhone', event.currentTarget.value, 'customer')}
              data-testid={CREATE_TICKET_TEST_IDS.customerPhone}
            />
          </>
        )}
      </SimpleGrid>

      {fields.length > 0 && (
        <>
          <Divider label={t('ticket.create.fieldsSection')} labelPosition="left" />
          <SimpleGrid cols={2} spacing="sm">
            {fields.map((field) => (
              <CustomField
                key={field.key}
                field={field}
                value={form.fields[field.key] ?? ''}
                error={errors[`field:${field.key}`]}
                onChange={(value) => {
                  setForm((previous) => ({ ...previous, fields: { ...previous.fields, [field.key]: value } }));
                  setErrors((previous) => {
                    const next = { ...previous };
                    delete next[`field:${field.key}`];
                    return next;
                  });
                }}
              />
            ))}
          </SimpleGrid>
        </>
      )}

      {canAttach && (
        <Stack gap="xs">
          <Group gap="xs">
            <Tooltip label={t('ticket.reply.attachHint')} withinPortal>
              <ActionIcon
                variant="light"
                aria-label={t('ticket.create.attach')}
                onClick={() => void pick()}
                data-testid={CREATE_TICKET_TEST_IDS.attach}
              >
                <PaperclipIcon />
              </ActionIcon>
            </Tooltip>
            <Text size="sm" c="dimmed">
              {t('ticket.create.attachHint')}
            </Text>
            {attachments.uploading && <Loader size="xs" />}
          </Group>
          <AttachmentList items={attachments.items} onRemove={attachments.remove} disabled={saving} />
        </Stack>
      )}

      {general && (
        <Alert color="red" variant="light" icon={<AlertIcon />} data-testid="create-error">
          {general}
        </Alert>
      )}
      {hasErrors && !general && (
        <Text size="sm" c="red" role="status">
          {t('ticket.create.fixFields', { count: Object.keys(errors).length })}
        </Text>
      )}

      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-testid={CREATE_TICKET_TEST_IDS.cancel}>
          {t('ticket.common.cancel')}
        </Button>
        <Button
          onClick={() => void submit()}
          loading={saving}
          disabled={attachments.uploading}
          aria-label={t('ticket.create.submit')}
          data-testid={CREATE_TICKET_TEST_IDS.submit}
        >
          {t('ticket.create.submit')}
        </Button>
      </Group>

      <DropOverlay
        visible={dragging}
        title={canAttach ? t('ticket.create.dropTitle') : t('ticket.create.noAttachments')}
        hint={canAttach ? t('ticket.attach.dropHint') : undefined}
      />
      {catalog && (
        <ActingAgentModal
          key={askAgent ? 'open' : 'closed'}
          opened={askAgent}
          connectionName={catalog.name}
          agents={catalog.agents}
          currentAgentId={catalog.actingAgentId}
          onChoose={chooseAgent}
          onCancel={() => setAskAgent(false)}
        />
      )}
    </Stack>
  );
}

/** Creates a ticket. */
export function CreateTicketModal({ profileId, opened, onClose, defaultConnectionId, onCreated }: CreateTicketModalProps) {
  const { t } = useTranslation();
  const catalogs = useTicketCatalogs(opened ? profileId : undefined);
  const [session, setSession] = useState(0);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setSession((value) => value + 1);
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('ticket.create.heading')}
      size="xl"
      closeOnClickOutside={false}
      data-testid="create-ticket-modal"
    >
      {catalogs.isPending ? (
        <Stack align="center" py="xl" data-testid="create-loading">
          <Loader />
          <Text size="sm" c="dimmed">
            {t('ticket.create.loading')}
          </Text>
        </Stack>
      ) : catalogs.isError ? (
        <Stack align="center" py="xl" gap="sm" data-testid="create-catalog-error">
          <Text fw={600}>{t('ticket.create.catalogErrorTitle')}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {describeError(t, catalogs.error).message}
          </Text>
          <Button onClick={() => void catalogs.refetch()} loading={catalogs.isFetching}>
            {t('ticket.common.retry')}
          </Button>
        </Stack>
      ) : catalogs.data.length === 0 ? (
        <Stack align="center" py="xl" gap="xs" data-testid="create-no-connections">
          <Text fw={600}>{t('ticket.create.noConnectionsTitle')}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('ticket.create.noConnections')}
          </Text>
        </Stack>
      ) : (
        <CreateTicketForm
          key={session}
          profileId={profileId}
          defaultConnectionId={defaultConnectionId}
          catalogs={catalogs.data}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </Modal>
  );
}
