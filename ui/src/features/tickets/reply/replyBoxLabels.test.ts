import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/setup';
import { REPLY_BOX_TEST_IDS, replyBoxLabels, textToHtml } from './replyBoxLabels';

describe('reply box', () => {
  it('has stable accessible names in both languages', () => {
    expect(replyBoxLabels(i18n.getFixedT('en'))).toEqual({
      textarea: 'Reply text',
      internal: 'Internal note',
      attach: 'Attach files',
      send: 'Send reply',
      statusAfter: 'Status after sending',
    });
    expect(replyBoxLabels(i18n.getFixedT('zh-CN'))).toEqual({
      textarea: '回复内容',
      internal: '内部备注',
      attach: '添加附件',
      send: '发送回复',
      statusAfter: '发送后的状态',
    });
    expect(REPLY_BOX_TEST_IDS.send).toBe('reply-send');
  });

  it('sends typed text as escaped HTML with its line breaks', () => {
    expect(textToHtml('a < b & "c"\n第二行')).toBe('a &lt; b &amp; &quot;c&quot;<br>第二行');
  });
});
