/**
 * A busy account for live demos: contacts reply in open chats, new chats arrive, cases go to
 * pending or get closed, agents change status. Each kind of step runs on its own timer (unref'd,
 * so it never keeps a process alive); `tick()` runs one step of each at once, for tests. Picks come
 * from a seeded random source, so a run is repeatable given the same starting data.
 */
import { createRandom, type Random } from './prng.js';
import type { AgentStatus } from './records.js';
import { FOLLOW_UPS, TOPICS } from './seedText.js';
import type { AccountStore } from './store.js';

export interface ActivityOptions {
  /** Run the timers (default true); `tick()` works either way. */
  enabled?: boolean;
  /** The account that is busy (default `demo`). */
  account?: string;
  /** A contact replies in an open chat (default every 4 s). */
  replyEveryMs?: number;
  /** A new chat arrives (default every 30 s). */
  newCaseEveryMs?: number;
  /** A case goes to pending, then the next time one is closed, and so on (default every 20 s). */
  caseStatusEveryMs?: number;
  /** An agent becomes inactive or active again (default every 45 s). */
  agentStatusEveryMs?: number;
  /** The random source's seed (default 1). */
  seed?: number;
}

/** What one `tick()` did; null where there was nothing to act on. */
export interface ActivityStep {
  reply: { caseId: number; messageId: number } | null;
  newCase: { caseId: number } | null;
  pending: { caseId: number } | null;
  closed: { caseId: number } | null;
  agentStatus: { userId: number; status: AgentStatus } | null;
}

const DEFAULT_INTERVALS = { replyEveryMs: 4_000, newCaseEveryMs: 30_000, caseStatusEveryMs: 20_000, agentStatusEveryMs: 45_000 } as const;
type Intervals = Record<keyof typeof DEFAULT_INTERVALS, number>;

const CONTACT_LINES = [...TOPICS.flatMap((topic) => topic.contact), ...FOLLOW_UPS.contact];
const OPENING_LINES = TOPICS.map((topic) => topic.contact[0] ?? topic.subject);

function validIntervals(options: ActivityOptions): Intervals {
  const intervals = { ...DEFAULT_INTERVALS } as Intervals;
  for (const key of Object.keys(DEFAULT_INTERVALS) as (keyof Intervals)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`activity.${key} must be a positive integer`);
    intervals[key] = value;
  }
  return intervals;
}

export class Activity {
  readonly account: string;
  private readonly random: Random;
  private readonly intervals: Intervals;
  private readonly timers: NodeJS.Timeout[] = [];
  private pendingNext = true;

  /** `storeOf` is asked on every step, so a reset emulator's new data is what gets busy. */
  constructor(
    private readonly storeOf: (account: string) => AccountStore | undefined,
    options: ActivityOptions = {},
  ) {
    this.account = options.account ?? 'demo';
    this.intervals = validIntervals(options);
    this.random = createRandom(options.seed ?? 1);
  }

  get running(): boolean {
    return this.timers.length > 0;
  }

  start(): void {
    if (this.running) return;
    const every = (ms: number, step: () => unknown): void => {
      const timer = setInterval(() => {
        try {
          step();
        } catch (error) {
          console.error('Acquire emulator: a demo activity step failed', error);
        }
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.intervals.replyEveryMs, () => this.reply());
    every(this.intervals.newCaseEveryMs, () => this.newCase());
    every(this.intervals.caseStatusEveryMs, () => {
      const pending = this.pendingNext;
      this.pendingNext = !pending;
      return pending ? this.pend() : this.close();
    });
    every(this.intervals.agentStatusEveryMs, () => this.changeAgentStatus());
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }

  /** One step of each kind, in this order. */
  tick(): ActivityStep {
    return { reply: this.reply(), newCase: this.newCase(), pending: this.pend(), closed: this.close(), agentStatus: this.changeAgentStatus() };
  }

  /** A contact replies in an active chat. No webhook: 2.0 has none for messages. */
  reply(): ActivityStep['reply'] {
    const store = this.storeOf(this.account);
    const entry = store && this.pick(store.cases.filter((c) => c.record.status === 'active' && c.record.channel === 'chat'));
    if (!store || !entry) return null;
    const { contactId } = entry.record;
    const message = store.addMessage(entry, { senderType: 'contact', senderId: contactId, type: 'message', text: this.random.pick(CONTACT_LINES), seen: 'no' }, now());
    return { caseId: entry.record.id, messageId: message.id };
  }

  /** A contact starts a chat (webhook "Case new"). */
  newCase(): ActivityStep['newCase'] {
    const store = this.storeOf(this.account);
    const nowIso = now();
    const contacts = store ? [...store.contactsById.values()].filter((contact) => !contact.block || (contact.block.till !== null && contact.block.till <= nowIso)) : [];
    const contact = this.pick(contacts);
    if (!store || !contact) return null;
    const message = { type: 'message' as const, text: this.random.pick(OPENING_LINES) };
    const entry = store.createCase({ contact, channel: 'chat', title: null, message, thread: null, openedBy: 'contact' }, nowIso);
    return { caseId: entry.record.id };
  }

  /** An active case waits for an agent again (webhook "status set to Pending"). */
  pend(): ActivityStep['pending'] {
    const store = this.storeOf(this.account);
    const entry = store && this.pick(store.cases.filter((c) => c.record.status === 'active'));
    if (!store || !entry) return null;
    store.setPending(entry, now());
    return { caseId: entry.record.id };
  }

  /** An agent closes an active or pending case (webhook "status set to Closed"). */
  close(): ActivityStep['closed'] {
    const store = this.storeOf(this.account);
    const entry = store && this.pick(store.cases.filter((c) => c.record.status === 'active' || c.record.status === 'pending'));
    if (!store || !entry) return null;
    const agent = entry.participants.find((participant) => participant.type === 'user' && participant.status === 'active');
    store.closeCase(entry, 'handled', now(), agent?.userId);
    return { caseId: entry.record.id };
  }

  /** An agent goes inactive, or active again (webhook "Agent Status Change"; the user directory shows it). */
  changeAgentStatus(): ActivityStep['agentStatus'] {
    const store = this.storeOf(this.account);
    const agent = store && this.pick(store.agents);
    if (!store || !agent) return null;
    const status: AgentStatus = agent.status === 'active' ? 'inactive' : 'active';
    store.setAgentStatus(agent, status);
    return { userId: agent.id, status };
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : this.random.pick(items);
  }
}

const now = (): string => new Date().toISOString();
