import {
  Alert,
  Autocomplete,
  Button,
  Drawer,
  Fieldset,
  Group,
  Input,
  List,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, FieldIssueKind, ProfileForm, SobotForm, SobotRegionKind } from '../../bindings';
import {
  COMMON_TIME_ZONES,
  defaultTimeDialect,
  draftOf,
  formFieldPaths,
  formOf,
  issuesByField,
  newCallCenter,
  newProfileDraft,
  newSobot,
  newUdesk,
  type ProfileDraft,
  SECRET_FIELD,
  SOBOT_REGION_HOSTS,
  SOBOT_REGIONS,
  type UdeskDraft,
  withoutUdeskIssues,
} from './draft';
import { SecretField } from './SecretField';
import { useSaveProfile } from './useProfiles';

/** The localized text of one field issue, in the words of that field where it matters. */
export function issueText(t: TFunction, field: string, issue: FieldIssueKind): string {
  if (issue === 'required' && SECRET_FIELD.test(field)) return t('profiles.issues.secretRequired');
  if (issue === 'duplicate' && /^udesk\[\d+\]\.email$/.test(field)) return t('profiles.issues.duplicateUdesk');
  if (issue === 'duplicate' && field === 'name') return t('profiles.issues.duplicateName');
  return t(`profiles.issues.${issue}`);
}

function SaveFirstNote({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  if (saved) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('profiles.test.saveFirst')}
    </Text>
  );
}

function SectionLegend({ children, onRemove, removeLabel, testId }: {
  children: ReactNode;
  onRemove: () => void;
  removeLabel: string;
  testId: string;
}) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Text fw={600} size="sm">
        {children}
      </Text>
      <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} data-testid={testId}>
        {removeLabel}
      </Button>
    </Group>
  );
}

interface ProfileFormBodyProps {
  initial: ProfileForm | null;
  onCancel: () => void;
  onSaved: (profile: ProfileForm) => void;
}

/** The profile form: controlled state, checked by validateProfile before saveProfile is called. */
function ProfileFormBody({ initial, onCancel, onSaved }: ProfileFormBodyProps) {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const [draft, setDraft] = useState<ProfileDraft>(() => (initial ? draftOf(initial) : newProfileDraft()));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  // Once the user picks a time format, changing the region no longer changes it.
  const [dialectChosen, setDialectChosen] = useState(initial?.sobot != null);

  const byField = issuesByField(issues);
  const errorFor = (path: string): string | undefined => {
    const issue = byField.get(path);
    return issue ? issueText(t, path, issue) : undefined;
  };
  const shown = formFieldPaths(draft);
  const otherIssues = issues.filter((issue) => !shown.has(issue.field));

  /** Applies an edit and clears the issue of the field it fixes. */
  const edit = (path: string | null, update: (draft: ProfileDraft) => ProfileDraft) => {
    setDraft(update);
    if (path !== null) setIssues((current) => current.filter((issue) => issue.field !== path));
  };
  const editSobot = (path: string, patch: Partial<SobotForm>) =>
    edit(path, (d) => (d.sobot ? { ...d, sobot: { ...d.sobot, ...patch } } : d));
  const editCallCenter = (path: string, patch: Partial<NonNullable<ProfileDraft['callcenter']>>) =>
    edit(path, (d) => (d.callcenter ? { ...d, callcenter: { ...d.callcenter, ...patch } } : d));
  const editUdesk = (index: number, field: keyof UdeskDraft, patch: Partial<UdeskDraft>) =>
    edit(`udesk[${index}].${field}`, (d) => ({
      ...d,
      udesk: d.udesk.map((account, i) => (i === index ? { ...account, ...patch } : account)),
    }));
  const removeUdesk = (index: number) => {
    setDraft((d) => ({ ...d, udesk: d.udesk.filter((_account, i) => i !== index) }));
    setIssues((current) => withoutUdeskIssues(current, index));
  };
  const removeSection = (prefix: 'sobot' | 'callcenter') => {
    setDraft((d) => ({ ...d, [prefix]: null }));
    setIssues((current) => current.filter((issue) => !issue.field.startsWith(`${prefix}.`)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(formOf(draft), {
      onSuccess: (outcome) => {
        if (outcome.status === 'invalid') {
          setIssues(outcome.issues);
          return;
        }
        notifications.show({
          color: 'teal',
          title: t('profiles.form.savedTitle'),
          message: t('profiles.form.savedMessage', { name: outcome.profile.name }),
          autoClose: 4000,
          withBorder: true,
          'data-testid': 'profile-saved-notification',
        });
        onSaved(outcome.profile);
      },
    });
  };

  const { sobot, callcenter, udesk } = draft;
  const regionLabel = (region: SobotRegionKind) => t(`profiles.form.sobot.regions.${region}`);

  return (
    <form onSubmit={submit} noValidate data-testid="profile-form" aria-label={t('profiles.form.ariaLabel')}>
      <Stack gap="lg">
        {issues.length > 0 ? (
          <Alert color="red" variant="light" title={t('profiles.form.issuesTitle')} data-testid="profile-form-issues">
            <Stack gap={4}>
              <Text size="sm">{t('profiles.form.issuesMessage', { count: issues.length })}</Text>
              {otherIssues.length > 0 ? (
                <List size="sm">
                  {otherIssues.map((issue) => (
                    <List.Item key={`${issue.field}-${issue.issue}`}>
                      <Text span ff="monospace" size="sm">
                        {issue.field}
                      </Text>
                      {`: ${issueText(t, issue.field, issue.issue)}`}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Stack>
          </Alert>
        ) : null}

        <TextInput
          label={t('profiles.form.name')}
          description={t('profiles.form.nameHint')}
          placeholder={t('profiles.form.namePlaceholder')}
          value={draft.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            edit('name', (d) => ({ ...d, name }));
          }}
          error={errorFor('name')}
          withAsterisk
          data-autofocus
          data-testid="profile-field-name"
        />

        {/* Sobot v5 */}
        {sobot ? (
          <Fieldset
            data-testid="profile-sobot"
            legend={
              <SectionLegend
                onRemove={() => removeSection('sobot')}
                removeLabel={t('profiles.form.remove')}
                testId="profile-sobot-remove"
              >
                {t('profiles.connection.sobot')}
              </SectionLegend>
            }
          >
            <Stack gap="md">
              <Input.Wrapper
                label={t('profiles.form.sobot.region')}
                description={
                  sobot.region === 'custom'
                    ? t('profiles.form.sobot.regionCustomHint')
                    : t('profiles.form.sobot.regionHint', { host: SOBOT_REGION_HOSTS[sobot.region] })
                }
                error={errorFor('sobot.region')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              >
                <SegmentedControl
                  mt={4}
                  fullWidth
                  data-testid="profile-sobot-region"
                  aria-label={t('profiles.form.sobot.region')}
                  data={SOBOT_REGIONS.map((region) => ({ value: region, label: regionLabel(region) }))}
                  value={sobot.region}
                  onChange={(region) => {
                    editSobot('sobot.region', {
                      region,
                      ...(dialectChosen ? {} : { timeDialect: defaultTimeDialect(region) }),
                    });
                  }}
                />
              </Input.Wrapper>
              {sobot.region === 'custom' ? (
                <TextInput
                  label={t('profiles.form.sobot.customBaseUrl')}
                  placeholder="https://"
                  value={sobot.customBaseUrl}
                  onChange={(event) => editSobot('sobot.customBaseUrl', { customBaseUrl: event.currentTarget.value })}
                  error={errorFor('sobot.customBaseUrl')}
                  withAsterisk
                  spellCheck={false}
                />
              ) : null}
              <TextInput
                label={t('profiles.form.sobot.appid')}
                description={t('profiles.form.sobot.appidHint')}
                value={sobot.appid}
                onChange={(event) => editSobot('sobot.appid', { appid: event.currentTarget.value })}
                error={errorFor('sobot.appid')}
                withAsterisk
                spellCheck={false}
              />
              <SecretField
                path="sobot.appKey"
                label={t('profiles.form.sobot.appKey')}
                stored={sobot.hasAppKey}
                value={sobot.appKey}
                onChange={(appKey) => editSobot('sobot.appKey', { appKey })}
                error={errorFor('sobot.appKey')}
              />
              <Input.Wrapper
                label={t('profiles.form.sobot.language')}
                description={t('profiles.form.sobot.languageHint')}
                error={errorFor('sobot.language')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              >
                <SegmentedControl
                  mt={4}
                  data-testid="profile-sobot-language"
                  aria-label={t('profiles.form.sobot.language')}
                  data={[
                    { value: 'zh', label: t('profiles.form.sobot.languages.zh') },
                    { value: 'en', label: t('profiles.form.sobot.languages.en') },
                  ]}
                  value={sobot.language}
                  onChange={(language) => editSobot('sobot.language', { language })}
                />
              </Input.Wrapper>
              <Autocomplete
                label={t('profiles.form.sobot.timezone')}
                description={t('profiles.form.sobot.timezoneHint')}
                placeholder="Asia/Shanghai"
                data={[...COMMON_TIME_ZONES]}
                limit={12}
                value={sobot.timezoneId}
                onChange={(timezoneId) => editSobot('sobot.timezoneId', { timezoneId })}
                error={errorFor('sobot.timezoneId')}
                withAsterisk
                spellCheck={false}
                data-testid="profile-sobot-timezone"
              />
              <Radio.Group
                label={t('profiles.form.sobot.timeDialect')}
                description={t('profiles.form.sobot.timeDialectHint')}
                value={sobot.timeDialect}
                onChange={(value) => {
                  setDialectChosen(true);
                  editSobot('sobot.timeDialect', { timeDialect: value });
                }}
                error={errorFor('sobot.timeDialect')}
              >
                <Stack gap="xs" mt="xs">
                  <Radio
                    value="dateTime"
                    label={t('profiles.form.sobot.dialects.dateTime.label')}
                    description={t('profiles.form.sobot.dialects.dateTime.description')}
                  />
                  <Radio
                    value="epochMillis"
                    label={t('profiles.form.sobot.dialects.epochMillis.label')}
                    description={t('profiles.form.sobot.dialects.epochMillis.description')}
                  />
                </Stack>
              </Radio.Group>
              <SaveFirstNote saved={sobot.id !== ''} />
            </Stack>
          </Fieldset>
        ) : null}

        {/* Sobot call center */}
        {callcenter ? (
          <Fieldset
            data-testid="profile-callcenter"
            legend={
              <SectionLegend
                onRemove={() => removeSection('callcenter')}
                removeLabel={t('profiles.form.remove')}
                testId="profile-callcenter-remove"
              >
                {t('profiles.connection.callcenter')}
              </SectionLegend>
            }
          >
            <Stack gap="md">
              <TextInput
                label={t('profiles.form.callcenter.baseUrl')}
                description={t('profiles.form.callcenter.baseUrlHint')}
                placeholder="https://"
                value={callcenter.baseUrl}
                onChange={(event) => editCallCenter('callcenter.baseUrl', { baseUrl: event.currentTarget.value })}
                error={errorFor('callcenter.baseUrl')}
                withAsterisk
                spellCheck={false}
              />
              <TextInput
                label={t('profiles.form.callcenter.appId')}
                value={callcenter.appId}
                onChange={(event) => editCallCenter('callcenter.appId', { appId: event.currentTarget.value })}
                error={errorFor('callcenter.appId')}
                withAsterisk
                spellCheck={false}
              />
              <SecretField
                path="callcenter.appSecret"
                label={t('profiles.form.callcenter.appSecret')}
                stored={callcenter.hasAppSecret}
                value={callcenter.appSecret}
                onChange={(appSecret) => editCallCenter('callcenter.appSecret', { appSecret })}
                error={errorFor('callcenter.appSecret')}
              />
              <TextInput
                label={t('profiles.form.callcenter.agentNo')}
                description={t('profiles.form.callcenter.agentNoHint')}
                value={callcenter.agentNo}
                onChange={(event) => editCallCenter('callcenter.agentNo', { agentNo: event.currentTarget.value })}
                error={errorFor('callcenter.agentNo')}
                withAsterisk
                spellCheck={false}
              />
              <SaveFirstNote saved={callcenter.id !== ''} />
            </Stack>
          </Fieldset>
        ) : null}

        {/* Udesk accounts */}
        {udesk.map((account, index) => (
          <Fieldset
            key={account.key}
            data-testid={`profile-udesk-${index}`}
            legend={
              <SectionLegend
                onRemove={() => removeUdesk(index)}
                removeLabel={t('profiles.form.remove')}
                testId={`profile-udesk-${index}-remove`}
              >
                {t('profiles.form.udesk.legend', { number: index + 1 })}
              </SectionLegend>
            }
          >
            <Stack gap="md">
              <TextInput
                label={t('profiles.form.udesk.name')}
                description={t('profiles.form.udesk.nameHint')}
                value={account.name}
                onChange={(event) => editUdesk(index, 'name', { name: event.currentTarget.value })}
                error={errorFor(`udesk[${index}].name`)}
                withAsterisk
              />
              <TextInput
                label={t('profiles.form.udesk.baseUrl')}
                placeholder="https://yourcompany.udesk.cn"
                value={account.baseUrl}
                onChange={(event) => editUdesk(index, 'baseUrl', { baseUrl: event.currentTarget.value })}
                error={errorFor(`udesk[${index}].baseUrl`)}
                withAsterisk
                spellCheck={false}
              />
              <TextInput
                label={t('profiles.form.udesk.email')}
                description={t('profiles.form.udesk.emailHint')}
                type="email"
                value={account.email}
                onChange={(event) => editUdesk(index, 'email', { email: event.currentTarget.value })}
                error={errorFor(`udesk[${index}].email`)}
                withAsterisk
                spellCheck={false}
              />
              <SecretField
                path={`udesk[${index}].apiToken`}
                label={t('profiles.form.udesk.apiToken')}
                stored={account.hasApiToken}
                value={account.apiToken}
                onChange={(apiToken) => editUdesk(index, 'apiToken', { apiToken })}
                error={errorFor(`udesk[${index}].apiToken`)}
              />
              <SaveFirstNote saved={account.id !== ''} />
            </Stack>
          </Fieldset>
        ))}

        <Group gap="xs">
          {sobot ? null : (
            <Button
              variant="light"
              size="xs"
              onClick={() => edit(null, (d) => ({ ...d, sobot: newSobot() }))}
              data-testid="profile-add-sobot"
            >
              {t('profiles.form.addSobot')}
            </Button>
          )}
          {callcenter ? null : (
            <Button
              variant="light"
              size="xs"
              onClick={() => edit(null, (d) => ({ ...d, callcenter: newCallCenter() }))}
              data-testid="profile-add-callcenter"
            >
              {t('profiles.form.addCallCenter')}
            </Button>
          )}
          <Button
            variant="light"
            size="xs"
            onClick={() => edit(null, (d) => ({ ...d, udesk: [...d.udesk, newUdesk()] }))}
            data-testid="profile-add-udesk"
          >
            {t('profiles.form.addUdesk')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('profiles.form.secretsNote')}
        </Text>

        {save.isError ? (
          <Alert color="red" variant="light" data-testid="profile-save-failed">
            {t('profiles.form.saveFailed')}
          </Alert>
        ) : null}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} data-testid="profile-cancel">
            {t('profiles.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="profile-save">
            {t('profiles.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Props of ProfileFormDrawer. */
export interface ProfileFormDrawerProps {
  opened: boolean;
  /** The saved profile to edit, or null for a new one. */
  profile: ProfileForm | null;
  /** Changes whenever the drawer is opened, so that each opening starts from fresh state; 0 before the first. */
  session: number;
  onClose: () => void;
}

/**
 * The create/edit form in a drawer. It closes only through Cancel, the close button or a successful
 * save, so a click beside it or a failed save never loses what was typed.
 */
export function ProfileFormDrawer({ opened, profile, session, onClose }: ProfileFormDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={
        <Text fw={600} size="lg">
          {profile ? t('profiles.form.titleEdit', { name: profile.name }) : t('profiles.form.titleNew')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('profiles.form.close') }}
    >
      {session > 0 ? (
        <ProfileFormBody key={session} initial={profile} onCancel={onClose} onSaved={onClose} />
      ) : null}
    </Drawer>
  );
}
