import { render } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeBackend } from '../test/fakeBackend';
import { resetFirstPaintReportForTests, useReportFirstPaint } from './firstPaint';

function Probe() {
  useReportFirstPaint();
  return null;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('useReportFirstPaint', () => {
  beforeEach(() => resetFirstPaintReportForTests());

  it('logs "shell first painted" once per app start, even when the shell mounts again', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      callback(0);
      return 0;
    });
    const backend = installFakeBackend();
    const first = render(<Probe />);
    first.unmount();
    render(<Probe />);
    await settle();
    const painted = backend
      .callsTo('log_from_ui')
      .map((call) => (call.args as { entry: { message: string; context: string | null } }).entry)
      .filter((entry) => entry.message === 'shell first painted');
    expect(painted).toHaveLength(1);
    expect(painted[0]?.context).toMatch(/"sinceNavigationStartMs":\d+/);
  });
});
