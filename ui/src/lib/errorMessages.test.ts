import { describe, expect, it } from 'vitest';
import type { IpcError } from '../bindings';
import { i18n } from '../i18n/setup';
import { describeError } from './errorMessages';
import { CommandError } from './ipc';

const CASES: { error: IpcError; en: [string, string]; zh: [string, string] }[] = [
  {
    error: { code: 'needsReauth', connection: 'Udesk 上海', message: 'Udesk error 2059: 签名错误' },
    en: [
      'Credentials refused',
      "'Udesk 上海' refused Switchboard's credentials: Udesk error 2059: 签名错误. Check them under Settings → Profiles and connections.",
    ],
    zh: ['凭据被拒绝', '“Udesk 上海”拒绝了 Switchboard 的凭据：Udesk error 2059: 签名错误。请在“设置 → 档案与连接”中检查。'],
  },
  {
    error: { code: 'nameTaken', what: 'view', name: '我的工单' },
    en: ['Name already used', '“我的工单” is already used. Choose another name.'],
    zh: ['名称已被使用', '“我的工单”已被使用，请换一个名称。'],
  },
  {
    error: { code: 'rateLimited', retryAfterSeconds: 30, message: 'slow down' },
    en: ['Too many requests', 'The service is limiting requests. Try again in 30 seconds.'],
    zh: ['请求过于频繁', '服务正在限制请求频率，请在 30 秒后重试。'],
  },
  {
    error: { code: 'rateLimited', retryAfterSeconds: 1, message: 'slow down' },
    en: ['Too many requests', 'The service is limiting requests. Try again in 1 second.'],
    zh: ['请求过于频繁', '服务正在限制请求频率，请在 1 秒后重试。'],
  },
  {
    error: { code: 'rateLimited', retryAfterSeconds: null, message: 'slow down' },
    en: ['Too many requests', 'The service is limiting requests. Try again in a moment.'],
    zh: ['请求过于频繁', '服务正在限制请求频率，请稍后重试。'],
  },
  {
    error: { code: 'invalidInput', field: 'phone', message: 'must be 11 digits' },
    en: ['Invalid value', "'phone' is not valid: must be 11 digits"],
    zh: ['输入无效', '“phone”无效：must be 11 digits'],
  },
  {
    error: { code: 'invalidInput', field: 'theme', message: 'unknown theme' },
    en: ['Invalid value', "'Theme' is not valid: unknown theme"],
    zh: ['输入无效', '“主题”无效：unknown theme'],
  },
  {
    error: { code: 'notFound', what: 'ticket', message: 'U-1042' },
    en: ['Not found', 'Could not find ticket: U-1042'],
    zh: ['未找到', '找不到 ticket：U-1042'],
  },
  {
    error: { code: 'network', message: 'connection refused' },
    en: [
      'Network problem',
      'Switchboard could not reach the service. Check your network connection and try again. (connection refused)',
    ],
    zh: ['网络问题', 'Switchboard 无法连接到服务，请检查网络连接后重试。（connection refused）'],
  },
  {
    error: { code: 'vendor', vendor: 'sobot', vendorCode: '400003', message: '查询创建时间段不能超过一个月' },
    en: ['Sobot reported an error', 'Error code 400003: 查询创建时间段不能超过一个月'],
    zh: ['服务商返回错误（智齿）', '错误码 400003：查询创建时间段不能超过一个月'],
  },
  {
    error: { code: 'vendor', vendor: 'sobot-callcenter', vendorCode: '401', message: 'agent offline' },
    en: ['Sobot call center reported an error', 'Error code 401: agent offline'],
    zh: ['服务商返回错误（智齿呼叫中心）', '错误码 401：agent offline'],
  },
  {
    error: { code: 'vendor', vendor: 'acme', vendorCode: 'E1', message: 'nope' },
    en: ['acme reported an error', 'Error code E1: nope'],
    zh: ['服务商返回错误（acme）', '错误码 E1：nope'],
  },
  {
    error: { code: 'keychainUnavailable', message: 'Secret Service is locked' },
    en: [
      'OS keychain unavailable',
      "Switchboard could not use the operating system's keychain: it is locked or not set up. Unlock or set it up, then try again. Secrets are never stored anywhere else. (Secret Service is locked)",
    ],
    zh: [
      '操作系统钥匙串不可用',
      'Switchboard 无法使用操作系统的钥匙串：钥匙串已锁定或尚未设置。请解锁或完成设置后重试。密钥绝不会保存到其他地方。（Secret Service is locked）',
    ],
  },
  {
    error: { code: 'storage', message: 'disk full' },
    en: ['Local data problem', 'Switchboard could not read or save its local data: disk full'],
    zh: ['本地数据问题', 'Switchboard 无法读取或保存本地数据：disk full'],
  },
  {
    error: { code: 'internal', message: 'lock poisoned' },
    en: ['Unexpected error', 'Something went wrong inside Switchboard: lock poisoned'],
    zh: ['意外错误', 'Switchboard 内部出现问题：lock poisoned'],
  },
];

describe('describeError', () => {
  it.each(CASES)('describes a $error.code error in English and Chinese', ({ error, en, zh }) => {
    const english = describeError(i18n.getFixedT('en'), new CommandError(error));
    expect([english.title, english.message]).toEqual(en);
    const chinese = describeError(i18n.getFixedT('zh-CN'), new CommandError(error));
    expect([chinese.title, chinese.message]).toEqual(zh);
  });

  it('falls back to a generic message for an error code the UI does not know', () => {
    const unknown = { code: 'quotaExceeded', message: 'monthly quota used up' } as unknown as IpcError;
    expect(describeError(i18n.getFixedT('en'), new CommandError(unknown))).toEqual({
      title: 'Unexpected error',
      message: 'Something went wrong: monthly quota used up',
    });
    expect(describeError(i18n.getFixedT('zh-CN'), unknown).message).toBe('出现问题：monthly quota used up');
  });

  it('describes a plain string rejection from Tauri and a JavaScript Error generically', () => {
    const t = i18n.getFixedT('en');
    expect(describeError(t, 'command app_info not found').message).toBe(
      'Something went wrong: command app_info not found',
    );
    expect(describeError(t, new TypeError('x is undefined')).message).toBe('Something went wrong: x is undefined');
    expect(describeError(t, undefined).message).toBe('Something went wrong.');
  });
});
