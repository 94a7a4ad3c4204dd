import { describe, expect, it } from 'vitest';
import { TEST_PROFILE } from '../../test/fakeBackend';
import { defaultTimeDialect, draftOf, formFieldPaths, formOf, newUdesk, withoutUdeskIssues } from './draft';

describe('profile draft', () => {
  it('round-trips a saved profile with every secret null, and drops the row keys', () => {
    expect(formOf(draftOf(TEST_PROFILE))).toEqual(TEST_PROFILE);
  });

  it('sends an empty secret field as null (keep the stored one) and a typed one as typed', () => {
    const draft = draftOf(TEST_PROFILE);
    const sobot = draft.sobot && { ...draft.sobot, appKey: '' };
    const form = formOf({ ...draft, sobot, udesk: [{ ...newUdesk(), apiToken: ' tok ' }] });
    expect(form.sobot?.appKey).toBeNull();
    expect(form.udesk).toEqual([
      { id: '', name: '', baseUrl: '', email: '', apiToken: ' tok ', hasApiToken: false },
    ]);
  });

  it('moves the issues of later Udesk accounts up when one is removed', () => {
    expect(
      withoutUdeskIssues(
        [
          { field: 'name', issue: 'required' },
          { field: 'udesk[0].email', issue: 'notAnEmail' },
          { field: 'udesk[1].email', issue: 'duplicate' },
          { field: 'udesk[2].baseUrl', issue: 'notAUrl' },
        ],
        1,
      ),
    ).toEqual([
      { field: 'name', issue: 'required' },
      { field: 'udesk[0].email', issue: 'notAnEmail' },
      { field: 'udesk[1].baseUrl', issue: 'notAUrl' },
    ]);
  });

  it('knows which fields the form shows, so that other issues are listed apart', () => {
    const paths = formFieldPaths(draftOf(TEST_PROFILE));
    expect(paths.has('udesk[0].apiToken')).toBe(true);
    expect(paths.has('udesk[1].apiToken')).toBe(false);
    expect(paths.has('sobot.customBaseUrl')).toBe(false);
    expect(paths.has('callcenter.agentNo')).toBe(true);
  });

  it('suggests date-time strings for China and epoch milliseconds elsewhere', () => {
    expect(defaultTimeDialect('china')).toBe('dateTime');
    expect(defaultTimeDialect('singapore')).toBe('epochMillis');
    expect(defaultTimeDialect('unitedStates')).toBe('epochMillis');
    expect(defaultTimeDialect('custom')).toBe('epochMillis');
  });
});
