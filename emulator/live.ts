/** The live side of the emulator: outbound webhooks for an account's changes, and the demo activity. */
import { ACCOUNTS } from './accounts.js';
import { Activity, type ActivityOptions } from './activity.js';
import type { AccountStore } from './store.js';
import { WebhookSender, webhookFor, type WebhookConfig } from './webhooks.js';

export interface LiveOptions {
  webhook?: WebhookConfig | undefined;
  /** `true` for the defaults; absent or `false` for no timers (`activity.tick()` still works). */
  activity?: boolean | ActivityOptions | undefined;
}

export interface Live {
  activity: Activity;
  /** Sends the webhooks of this (new) data from now on; called on start and after every reset. */
  connect(stores: ReadonlyMap<string, AccountStore>): void;
  /** Starts the activity's timers if the options asked for them. */
  start(): void;
  idle(): Promise<void>;
  stop(): void;
}

function knownAccount(account: string, name: string): string {
  if (!ACCOUNTS.some((profile) => profile.name === account)) throw new RangeError(`${name} must be one of ${ACCOUNTS.map((profile) => profile.name).join(', ')}`);
  return account;
}

export function createLive(options: LiveOptions, storeOf: (account: string) => AccountStore | undefined): Live {
  const sender = options.webhook ? new WebhookSender(options.webhook) : null;
  const webhookAccount = knownAccount(options.webhook?.account ?? 'demo', 'webhook.account');
  const activityOptions: ActivityOptions = typeof options.activity === 'object' ? options.activity : { enabled: options.activity === true };
  const activity = new Activity(storeOf, activityOptions);
  knownAccount(activity.account, 'activity.account');
  return {
    activity,
    connect(stores) {
      if (!sender) return;
      stores.get(webhookAccount)?.onChange((change) => {
        const payload = webhookFor(change, new Date().toISOString());
        if (payload) sender.send(payload);
      });
    },
    start() {
      if (activityOptions.enabled !== false) activity.start();
    },
    idle: () => sender?.idle() ?? Promise.resolve(),
    stop() {
      activity.stop();
      sender?.stop();
    },
  };
}
