import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../lib/ipc';
import { SOBOT_CATALOG, ticketRow, UDESK_CATALOG } from '../../../test/fakeTickets';
import { isActingAgentError } from '../detail/useTicketWrites';
import {
  bulkOptions,
  changedKeys,
  changeFor,
  connectionsOf,
  problems,
  runBulk,
  summarize,
  targetOf,
  targetsFor,
  type BulkTarget,
} from './bulk';

const targets = (...ids: string[]): BulkTarget[] => ids.map((ticketId) => targetOf(ticketRow({ ticketId, updatedAtMs: 100 })));
const vendorError = new CommandError({ code: 'vendor', vendor: 'sobot', vendorCode: '40001', message: 'locked' });
const agentError = new CommandError({ code: 'invalidInput', field: 'actingAgent', message: 'choose an agent' });

describe('runBulk', () => {
  it('writes one ticket at a time, in order, and keeps every outcome', async () => {
    const order: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const progress: string[] = [];
    const run = await runBulk(targets('1', '2', '3', '4'), {
      write: async (target) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        order.push(target.ticketId);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        if (target.ticketId === '2') return 'conflict';
        if (target.ticketId === '3') throw vendorError;
        return 'done';
      },
      shouldStop: () => false,
      onProgress: ({ attempted, total }, result) => progress.push(`${attempted}/${total}:${result.outcome}`),
    });
    expect(order).toEqual(['1', '2', '3', '4']);
    expect(maxInFlight).toBe(1);
    expect(progress).toEqual(['1/4:done', '2/4:conflict', '3/4:failed', '4/4:done']);
    expect(run.end).toEqual({ kind: 'finished' });
    expect(run.results.map((result) => result.outcome)).toEqual(['done', 'conflict', 'failed', 'done']);
    expect(run.results[2]).toMatchObject({ outcome: 'failed', error: vendorError });
    expect(summarize(run)).toEqual({ changed: 2, skipped: 1, failed: 1, notAttempted: 0 });
    expect([...changedKeys(run)]).toEqual(['sobot-1:1', 'sobot-1:4']);
    expect(problems(run).map((result) => result.target.ticketId)).toEqual(['2', '3']);
  });

  it('stops before the next ticket when asked, keeping the rest as not attempted', async () => {
    let stop = false;
    const written: string[] = [];
    const run = await runBulk(targets('1', '2', '3'), {
      write: (target) => {
        written.push(target.ticketId);
        stop = true; // the user pressed Stop while this ticket was being written
        return Promise.resolve('done');
      },
      shouldStop: () => stop,
    });
    expect(written).toEqual(['1']);
    expect(run.end).toEqual({ kind: 'stopped' });
    expect(run.notAttempted.map((target) => target.ticketId)).toEqual(['2', '3']);
    expect(summarize(run)).toEqual({ changed: 1, skipped: 0, failed: 0, notAttempted: 2 });
  });

  it('halts on an error that concerns the whole run; that ticket counts as not attempted', async () => {
    const written: string[] = [];
    const run = await runBulk(targets('1', '2', '3'), {
      write: (target) => {
        written.push(target.ticketId);
        return target.ticketId === '2' ? Promise.reject(agentError) : Promise.resolve('done');
      },
      shouldStop: () => false,
      halts: isActingAgentError,
    });
    expect(written).toEqual(['1', '2']);
    expect(run.end).toMatchObject({ kind: 'halted', error: agentError, target: { ticketId: '2' } });
    expect(run.notAttempted.map((target) => target.ticketId)).toEqual(['2', '3']);
    expect(summarize(run)).toEqual({ changed: 1, skipped: 0, failed: 0, notAttempted: 2 });
  });

  it('counts a non-halting error as a failure of that ticket only', async () => {
    const run = await runBulk(targets('1', '2'), {
      write: (target) => (target.ticketId === '1' ? Promise.reject(vendorError) : Promise.resolve('done')),
      shouldStop: () => false,
      halts: isActingAgentError,
    });
    expect(summarize(run)).toEqual({ changed: 1, skipped: 0, failed: 1, notAttempted: 0 });
  });

  it('finishes at once with nothing to do', async () => {
    const run = await runBulk([], { write: () => Promise.resolve('done'), shouldStop: () => false });
    expect(run).toEqual({ results: [], notAttempted: [], end: { kind: 'finished' } });
  });
});

describe('bulk helpers', () => {
  it('sends the field the action changes', () => {
    expect(changeFor('status', '3')).toEqual({ status: '3' });
    expect(changeFor('priority', '2')).toEqual({ priority: '2' });
    expect(changeFor('assignee', 'a-2')).toEqual({ assigneeId: 'a-2' });
    expect(changeFor('group', 'g-2')).toEqual({ groupId: 'g-2' });
  });

  it('names the connections of a selection', () => {
    expect(connectionsOf(['sobot-1:1', 'sobot-1:2'])).toEqual(['sobot-1']);
    expect(connectionsOf(['sobot-1:1', 'udesk-1:9', 'sobot-1:3'])).toEqual(['sobot-1', 'udesk-1']);
    expect(connectionsOf([])).toEqual([]);
  });

  it('takes each selected ticket at the newest version known, and names the ones not loaded', () => {
    const old = ticketRow({ ticketId: '1', updatedAtMs: 100, ticketCode: 'A-1', title: 'Old' });
    const newer = ticketRow({ ticketId: '1', updatedAtMs: 200, ticketCode: 'A-1', title: 'New' });
    const other = ticketRow({ ticketId: '2', updatedAtMs: 50, ticketCode: null });
    const { targets: found, missing } = targetsFor(['sobot-1:2', 'sobot-1:1', 'sobot-1:9'], [old, other, newer, old]);
    expect(found).toEqual([
      { key: 'sobot-1:2', connectionId: 'sobot-1', ticketId: '2', number: '2', title: 'Ticket 2', version: 50 },
      { key: 'sobot-1:1', connectionId: 'sobot-1', ticketId: '1', number: 'A-1', title: 'New', version: 200 },
    ]);
    expect(missing).toEqual(['sobot-1:9']);
  });

  it("offers the connection's values in the UI language, without the ones deleted at the vendor", () => {
    expect(bulkOptions('status', SOBOT_CATALOG, 'en').map((option) => option.label)).toEqual([
      'New',
      'In progress',
      'Waiting for parts',
      'Solved',
    ]);
    expect(bulkOptions('priority', UDESK_CATALOG, 'zh-CN').map((option) => option.label)).toEqual(['紧急', '高', '标准', '低']);
    expect(bulkOptions('assignee', SOBOT_CATALOG, 'en')).toEqual([
      { value: 'a-1', label: 'Li Wei · li.wei@example.com' },
      { value: 'a-2', label: 'Zhang Min' },
    ]);
    expect(bulkOptions('group', SOBOT_CATALOG, 'en')).toEqual([
      { value: 'g-1', label: 'First line' },
      { value: 'g-2', label: 'Escalations' },
    ]);
    expect(bulkOptions('status', undefined, 'en')).toEqual([]);
  });
});
