/** Word lists and support conversations the seed draws from. */
import type { ContactRecord, Country } from './records.js';

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sofia', 'Lucas', 'Amara', 'Ethan',
  'Priya', 'Jonas', 'Chloe', 'Arjun', 'Hannah', 'Diego', 'Yuki', 'Fatima', 'Lena', 'Omar',
  'Grace', 'Tomás', 'Inès', 'Kofi', 'Maya', 'Felix', 'Zara', 'Nina', 'Ravi', 'Elena',
  'Samuel', 'Aisha', 'Leo', 'Mia', 'Hugo', 'Sara', 'Daniel', 'Lucía', 'Kenji', 'Chiara',
] as const;

export const LAST_NAMES = [
  'Patel', 'García', 'Müller', 'Nguyen', 'Johnson', 'Rossi', 'Kowalski', 'Okafor', 'Tanaka', 'Silva',
  'Dubois', 'Andersen', 'Kim', "O'Brien", 'Haddad', 'Novak', 'Fischer', 'Costa', 'Mensah', 'Larsen',
  'Schmidt', 'Moreau', 'Sato', 'Ahmed', 'Brown', 'Jansen', 'Ferreira', 'Popescu', 'Walker', 'Ivanova',
] as const;

export const DEPARTMENT_NAMES = ['Sales', 'Customer Support', 'Billing'] as const;

export const COMPANIES = [
  { name: 'Northwind Traders', website: 'northwind.example' },
  { name: 'Globex Logistics', website: 'globex-logistics.example' },
  { name: 'Initech Software', website: 'initech.example' },
  { name: 'Bluebird Health', website: 'bluebird-health.example' },
  { name: 'Harbor & Pine Outfitters', website: 'harborpine.example' },
  { name: 'Kestrel Analytics', website: 'kestrel-analytics.example' },
] as const;

export interface CountryProfile {
  countryId: string;
  country: Country;
  places: readonly (readonly [city: string, state: string])[];
}

export const COUNTRIES: readonly CountryProfile[] = [
  {
    countryId: '517',
    country: { name: 'United States', name_official: 'United States of America', cca2: 'US', ccn3: '840', cca3: 'USA', calling_code1: 1, region_id: 496, lat: '38', lng: '-97', voip_enable: true },
    places: [['Austin', 'Texas'], ['Portland', 'Oregon'], ['Chicago', 'Illinois'], ['Denver', 'Colorado']],
  },
  {
    countryId: '387',
    country: { name: 'India', name_official: 'Republic of India', cca2: 'IN', ccn3: '356', cca3: 'IND', calling_code1: 91, region_id: 366, lat: '20', lng: '77', voip_enable: true },
    places: [['Bengaluru', 'Karnataka'], ['Pune', 'Maharashtra'], ['Sikar', 'Rajasthan']],
  },
  {
    countryId: '515',
    country: { name: 'United Kingdom', name_official: 'United Kingdom of Great Britain and Northern Ireland', cca2: 'GB', ccn3: '826', cca3: 'GBR', calling_code1: 44, region_id: 494, lat: '54', lng: '-2', voip_enable: true },
    places: [['Manchester', 'England'], ['Edinburgh', 'Scotland'], ['Bristol', 'England']],
  },
  {
    countryId: '366',
    country: { name: 'Germany', name_official: 'Federal Republic of Germany', cca2: 'DE', ccn3: '276', cca3: 'DEU', calling_code1: 49, region_id: 345, lat: '51', lng: '9', voip_enable: true },
    places: [['Berlin', 'Berlin'], ['Munich', 'Bavaria'], ['Hamburg', 'Hamburg']],
  },
  {
    countryId: '362',
    country: { name: 'France', name_official: 'French Republic', cca2: 'FR', ccn3: '250', cca3: 'FRA', calling_code1: 33, region_id: 341, lat: '46', lng: '2', voip_enable: true },
    places: [['Lyon', 'Auvergne-Rhône-Alpes'], ['Nantes', 'Pays de la Loire']],
  },
  {
    countryId: '318',
    country: { name: 'Brazil', name_official: 'Federative Republic of Brazil', cca2: 'BR', ccn3: '076', cca3: 'BRA', calling_code1: 55, region_id: 297, lat: '-10', lng: '-55', voip_enable: false },
    places: [['São Paulo', 'São Paulo'], ['Curitiba', 'Paraná']],
  },
  {
    countryId: '329',
    country: { name: 'Canada', name_official: 'Canada', cca2: 'CA', ccn3: '124', cca3: 'CAN', calling_code1: 1, region_id: 308, lat: '60', lng: '-95', voip_enable: true },
    places: [['Toronto', 'Ontario'], ['Vancouver', 'British Columbia']],
  },
  {
    countryId: '302',
    country: { name: 'Australia', name_official: 'Commonwealth of Australia', cca2: 'AU', ccn3: '036', cca3: 'AUS', calling_code1: 61, region_id: 281, lat: '-27', lng: '133', voip_enable: true },
    places: [['Melbourne', 'Victoria'], ['Brisbane', 'Queensland']],
  },
  {
    countryId: '455',
    country: { name: 'Nigeria', name_official: 'Federal Republic of Nigeria', cca2: 'NG', ccn3: '566', cca3: 'NGA', calling_code1: 234, region_id: 434, lat: '10', lng: '8', voip_enable: false },
    places: [['Lagos', 'Lagos'], ['Abuja', 'Federal Capital Territory']],
  },
];

/** A contact's client columns, with the user agent and engine its `clientDetails` are made of. */
export type ClientProfile = Pick<
  ContactRecord,
  'clientType' | 'clientName' | 'clientVersion' | 'clientOsName' | 'clientOsVersion' | 'clientDeviceType' | 'clientDeviceVendor' | 'clientDeviceModel'
> & { ua: string; engine: { name: string; version: string } };

export const CLIENTS: readonly ClientProfile[] = [
  { clientType: 'web', clientName: 'Chrome', clientVersion: '124.0', clientOsName: 'Windows', clientOsVersion: '10', clientDeviceType: 'Desktop', clientDeviceVendor: null, clientDeviceModel: null, ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Safari/537.36', engine: { name: 'Blink', version: '124.0.6367.91' } },
  { clientType: 'web', clientName: 'Chrome', clientVersion: '125.0', clientOsName: 'Mac OS', clientOsVersion: '10.15.7', clientDeviceType: 'Desktop', clientDeviceVendor: null, clientDeviceModel: null, ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.60 Safari/537.36', engine: { name: 'Blink', version: '125.0.6422.60' } },
  { clientType: 'web', clientName: 'Firefox', clientVersion: '126.0', clientOsName: 'Linux', clientOsVersion: 'x86_64', clientDeviceType: 'Desktop', clientDeviceVendor: null, clientDeviceModel: null, ua: 'Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0', engine: { name: 'Gecko', version: '126.0' } },
  { clientType: 'web', clientName: 'Safari', clientVersion: '17.4', clientOsName: 'iOS', clientOsVersion: '17.4.1', clientDeviceType: 'Mobile', clientDeviceVendor: 'Apple', clientDeviceModel: 'iPhone', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', engine: { name: 'WebKit', version: '605.1.15' } },
  { clientType: 'web', clientName: 'Edge', clientVersion: '124.0', clientOsName: 'Windows', clientOsVersion: '10', clientDeviceType: 'Desktop', clientDeviceVendor: null, clientDeviceModel: null, ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80', engine: { name: 'Blink', version: '124.0.0.0' } },
  { clientType: 'web', clientName: 'Chrome', clientVersion: '124.0', clientOsName: 'Android', clientOsVersion: '14', clientDeviceType: 'Mobile', clientDeviceVendor: 'Samsung', clientDeviceModel: 'SM-S918B', ua: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36', engine: { name: 'Blink', version: '124.0.6367.82' } },
  { clientType: 'sdk', clientName: 'Acquire iOS SDK', clientVersion: '3.2.1', clientOsName: 'iOS', clientOsVersion: '17.5', clientDeviceType: 'Mobile', clientDeviceVendor: 'Apple', clientDeviceModel: 'iPhone15,2', ua: 'AcquireSDK/3.2.1 (iPhone15,2; iOS 17.5)', engine: { name: 'WebKit', version: '605.1.15' } },
  { clientType: 'sdk', clientName: 'Acquire Android SDK', clientVersion: '3.1.0', clientOsName: 'Android', clientOsVersion: '13', clientDeviceType: 'Tablet', clientDeviceVendor: 'Google', clientDeviceModel: 'Pixel Tablet', ua: 'AcquireSDK/3.1.0 (Pixel Tablet; Android 13)', engine: { name: 'Blink', version: '123.0.6312.118' } },
  { clientType: 'client', clientName: 'Acquire Desktop', clientVersion: '2.8.0', clientOsName: 'Mac OS', clientOsVersion: '14.4', clientDeviceType: 'Desktop', clientDeviceVendor: 'Apple', clientDeviceModel: 'MacBookPro18,3', ua: 'AcquireDesktop/2.8.0 Electron/29.1.0 (Macintosh; Mac OS 14.4)', engine: { name: 'Blink', version: '122.0.6261.156' } },
];

export const NETWORK_TYPES = ['4g', '4g', '4g', '3g', 'wifi'] as const;

export interface Topic {
  subject: string;
  contact: readonly string[];
  agent: readonly string[];
  notes: readonly string[];
}

/** One topic per thread, so a conversation stays on one subject. Agent lines use Markdown at times, as real ones do. */
export const TOPICS: readonly Topic[] = [
  {
    subject: 'Charged twice for my subscription',
    contact: [
      'Hi, I was charged twice for my subscription this month.',
      'The second charge shows as pending on my card statement.',
      'It was on the 3rd, both for $49.00.',
      'Do I need to send you a screenshot of the statement?',
      'Great, how long will the refund take?',
      'Perfect, thanks for sorting this out so quickly!',
    ],
    agent: [
      "Sorry about that! Let me look at your billing history.",
      'I can see **two payments** on the 3rd. The second one was a retry that should have been voided.',
      "I've issued a refund for the duplicate charge. You'll get a confirmation email shortly.",
      'Refunds usually take **3–5 business days** to show up, depending on your bank.',
      'No screenshot needed, I have everything I need on my side.',
      'Anything else I can help you with today?',
    ],
    notes: ['Duplicate charge caused by the payment retry bug, refund issued via Stripe.', 'Customer is on the annual plan, flag for finance review.'],
  },
  {
    subject: "Can't log in after password reset",
    contact: [
      "I reset my password but I still can't log in.",
      'It says "invalid credentials" every time.',
      "Yes, I'm using the email address I signed up with.",
      "I didn't get the verification code either.",
      'Ok it worked now, thank you!',
      'Is there a way to turn on two-factor authentication?',
    ],
    agent: [
      'Happy to help! Could you confirm the email address on the account?',
      'Thanks. It looks like the account was locked after too many attempts. I have unlocked it.',
      'Please try again and let me know if the code arrives this time.',
      'You can turn on 2FA under **Settings → Security → Two-factor authentication**.',
      "Here's a quick guide: ![2FA settings](https://cdn.acquire.example/help/2fa-settings.png)",
      'Great to hear! Have a good day.',
    ],
    notes: ['Account was locked by the brute-force protection, unlocked manually.', 'Verification emails were delayed by the mail provider this morning.'],
  },
  {
    subject: 'Where is my order?',
    contact: [
      "Hello, my order hasn't arrived yet and it's been 10 days.",
      'The order number is A-2291.',
      'The tracking page has not changed since Monday.',
      "I need it before the weekend, it's a gift.",
      'Can you send it with express shipping instead?',
      'Thanks, I really appreciate it.',
    ],
    agent: [
      'Let me check the status of your order right away.',
      'Your parcel is held at the regional depot because of a **missing apartment number**.',
      "I've updated the address with the carrier; it should be delivered within 2 days.",
      "I've upgraded the shipment to express at no extra cost.",
      'You can follow it here: [track your parcel](https://track.example/A-2291)',
      "You're welcome! Let us know if it doesn't arrive by Friday.",
    ],
    notes: ['Carrier confirmed the address update, ticket CARR-5521.', 'Express upgrade approved by the team lead.'],
  },
  {
    subject: 'Export to CSV fails',
    contact: [
      'The CSV export button gives me an error.',
      'It says "Something went wrong" after a few seconds.',
      "I'm trying to export about 12,000 rows.",
      "I'm using Chrome on Windows.",
      'Smaller exports seem to work fine.',
      'Ok, the scheduled export worked. Thanks!',
    ],
    agent: [
      'Thanks for reporting this. Which browser are you using?',
      "Large exports can time out in the browser. Could you try a **scheduled export** instead?\n\n1. Open **Reports**\n2. Click **Schedule export**\n3. Pick CSV and your email address",
      "I've passed this to our engineers so the timeout can be raised.",
      'You should receive the file by email in a few minutes.',
      "I'll let you know as soon as the fix is released.",
      'Glad that worked!',
    ],
    notes: ['Known issue ENG-4312, exports over 10k rows time out after 30s.', 'Linked the conversation to the bug report.'],
  },
  {
    subject: 'Connecting the Shopify integration',
    contact: [
      "I'm trying to connect our Shopify store but the app won't install.",
      'I get redirected back to the dashboard without any message.',
      "I'm the store owner, so I should have permission.",
      'Do you support multiple stores on one account?',
      'Got it, the store shows as connected now.',
      'Will the old orders sync too?',
    ],
    agent: [
      'Let me help you with that. Are you logged in as the store owner in Shopify?',
      'Please clear the cookies for `myshopify.com` and try installing again from **App Store → Shopify**.',
      'Yes, you can connect up to **5 stores** on the Business plan.',
      'Orders from the last 90 days are synced automatically after connecting.',
      "I've checked the logs and the webhook is registered correctly now.",
      'Happy selling!',
    ],
    notes: ['Install failed because of a stale OAuth state cookie.', 'Customer asked about multi-store, possible upsell to Business.'],
  },
  {
    subject: 'Changing the account owner',
    contact: [
      'Our account owner has left the company. How can we change the owner?',
      "I'm an admin on the account.",
      'The new owner should be my colleague, she is already a user.',
      'Do you need anything in writing from us?',
      'I have sent the confirmation email.',
      'Thanks for the fast help.',
    ],
    agent: [
      'I can help with that. For security we need a confirmation from an admin of the account.',
      'Could you reply with the email address of the new owner?',
      "Thanks, I've received the confirmation. The ownership transfer is done.",
      'The new owner can now manage **billing** and **user roles**.',
      'Anything else I can do for you?',
      'Have a great week!',
    ],
    notes: ['Ownership transfer approved after admin confirmation by email.', 'Previous owner removed from billing contacts.'],
  },
];

export const OPENING_EVENTS: Readonly<Record<string, string>> = {
  chat: 'The visitor started chat.',
  mail: 'A new email conversation was started.',
  email: 'A new email conversation was started.',
  sms: 'A new SMS conversation was started.',
  voip: 'An incoming call was received.',
  'audio-call': 'The visitor started an audio call.',
  'video-call': 'The visitor started a video call.',
  'private-form': 'The visitor submitted a private form.',
  view: 'The visitor opened a custom view.',
};

export const CLOSING_EVENT = 'The case was closed.';

export const FEEDBACK_QUESTION = { id: 1, question: 'How would you rate our support?' } as const;

export const FEEDBACK_LABELS: Readonly<Record<string, string>> = {
  '1': 'Very poor',
  '2': 'Poor',
  '3': 'Average',
  '4': 'Good',
  '5': 'Excellent',
};

export const FEEDBACK_COMMENTS = [
  'Very quick and friendly, thanks!',
  'Solved my problem in minutes.',
  'Took a while to get an answer.',
  'The agent was helpful but the issue is not fully fixed.',
  'Great support as always.',
] as const;

export const VISIT_PAGES = [
  { title: 'Pricing | Plans for every team', path: '/pricing' },
  { title: 'Help Center | Getting started', path: '/help/getting-started' },
  { title: 'Checkout', path: '/checkout' },
  { title: 'My account | Orders', path: '/account/orders' },
  { title: 'Integrations | Shopify', path: '/integrations/shopify' },
] as const;

/** Lines for conversations that run longer than their topic's script. */
export const FOLLOW_UPS = {
  contact: ['Ok, let me check.', 'One moment please.', 'Thanks!', 'Sure, go ahead.', 'Sorry, one more question.', 'That makes sense.'],
  agent: ['Take your time.', "I'm still here if you need anything.", 'Let me double-check that for you.', 'Thanks for your patience.', 'Sure, what would you like to know?'],
} as const;

/** Notes agents keep on a contact: a title and a few messages. */
export const NOTE_TOPICS = [
  { title: 'VIP customer', lines: ['Long-time customer on the annual plan, handle with priority.', 'Renewal is due next quarter, sales has been told.', 'Agreed.'] },
  { title: 'Prefers email', lines: ['Asked us to follow up by email rather than chat.', 'Noted, I switched the reply channel for the open case.'] },
  { title: 'Billing follow-up', lines: ['Refund promised for the duplicate charge, check it went through by Friday.', 'Refund confirmed by finance.', 'Closing the loop with the customer today.'] },
  { title: 'Escalated to engineering', lines: ['Bug reproduced on our side, ticket ENG-4312.', 'Engineering shipped a fix to staging.', 'Fix is live, customer informed.'] },
  { title: 'Call back requested', lines: ['Wants a call between 9 and 11 am their time.', 'Called, no answer; left a voicemail.', 'Reached them on the second try, all sorted.'] },
  { title: 'Onboarding', lines: ['New team of 12 agents, onboarding call booked.', 'Shared the setup checklist and the Shopify guide.'] },
] as const;
