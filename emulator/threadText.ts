/**
 * Message texts for long threads, of realistic sizes: chat lines of a few words to a paragraph,
 * e-mail bodies of several paragraphs with a signature and the quoted previous message. The pools
 * are built once from a fixed seed and shared by every message that uses a text, so a
 * million messages cost a million references, not a million strings.
 */
import { createRandom, type Random } from './prng.js';
import { FOLLOW_UPS, TOPICS } from './seedText.js';

export interface TextPools {
  chatContact: readonly string[];
  chatAgent: readonly string[];
  mailContact: readonly string[];
  mailAgent: readonly string[];
  notes: readonly string[];
}

const POOL_SEED = 0x7e47;
const POOL_SIZE = 48;

const PARAGRAPHS = [
  'I have gone through the steps in your help centre article twice now, and the result is the same each time. The page loads, spins for a while, and then shows the same message as before.',
  'For context, we are a team of about twenty people and most of us use the dashboard all day, so this is blocking quite a lot of our work. Anything you can do to speed this up would be much appreciated.',
  'I have attached the screenshots you asked for, along with the export of the settings page. Let me know if you need anything else from our side, I am happy to jump on a call if that is easier.',
  'We checked with our IT department and nothing changed on the network on our side. The firewall rules are the same as last month and other tools work without any trouble.',
  'Thanks for the quick reply yesterday. I tried what you suggested and it worked for a few hours, but this morning the problem was back, on two different machines.',
  'Could you also confirm whether this affects the invoices for the previous months? Our finance team needs to close the quarter at the end of the week and would like to know what to expect.',
  'I looked into your account and can confirm what you are seeing. The issue comes from a setting that was changed during the last update, and I have reverted it for your workspace.',
  'Our engineering team has been made aware of the problem and is working on a permanent fix. In the meantime, the workaround below should let your team continue as usual.',
  'You should see the change within the next few minutes. If the page still shows the old values, please clear the browser cache or open it in a private window to rule out a cached copy.',
  'I have also added a note to your account so that anyone on our team who picks up your next request has the full history, and you will not need to explain it all again.',
] as const;

const SIGN_OFFS = ['Best regards,', 'Kind regards,', 'Thanks,', 'Many thanks,', 'Cheers,'] as const;

const quote = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function email(random: Random, opening: string, signature: string, previous: string | null): string {
  const body = [opening, ...Array.from({ length: random.int(1, 4) }, () => random.pick(PARAGRAPHS))];
  const text = ['Hello,', ...body, `${random.pick(SIGN_OFFS)}\n${signature}`].join('\n\n');
  if (previous === null) return text;
  const day = random.int(1, 28);
  return `${text}\n\nOn ${day} May 2026, at ${random.int(8, 18)}:${String(random.int(0, 59)).padStart(2, '0')}, the other side wrote:\n${quote(previous)}`;
}

function chat(random: Random, lines: readonly string[]): string {
  const first = random.pick(lines);
  return random.chance(0.25) ? `${first} ${random.pick(PARAGRAPHS)}` : first;
}

function buildPools(): TextPools {
  const random = createRandom(POOL_SEED);
  const contactLines = [...TOPICS.flatMap((topic) => topic.contact), ...FOLLOW_UPS.contact];
  const agentLines = [...TOPICS.flatMap((topic) => topic.agent), ...FOLLOW_UPS.agent];
  const mailContact: string[] = [];
  const mailAgent: string[] = [];
  for (let index = 0; index < POOL_SIZE; index++) {
    const fromContact = email(random, random.pick(contactLines), 'Sent from my phone', mailAgent[index - 1] ?? null);
    mailContact.push(fromContact);
    mailAgent.push(email(random, random.pick(agentLines), 'The Support Team', fromContact));
  }
  return {
    chatContact: Array.from({ length: POOL_SIZE }, () => chat(random, contactLines)),
    chatAgent: Array.from({ length: POOL_SIZE }, () => chat(random, agentLines)),
    mailContact,
    mailAgent,
    notes: TOPICS.flatMap((topic) => topic.notes),
  };
}

let pools: TextPools | null = null;

export function textPools(): TextPools {
  pools ??= buildPools();
  return pools;
}
