import { createHmac } from 'node:crypto';

/** The signature Acquire sends: the hex HMAC-SHA256 of `JSON.stringify(body)`, keyed with the webhook's secret. */
export function signWebhook(secret: string, body: unknown): string {
  return createHmac('sha256', secret).update(JSON.stringify(body)).digest('hex');
}

/**
 * A webhook as Acquire sends one, to a gateway's /webhooks/acquire: `body` as JSON (or `text`
 * as given, for bodies spaced otherwise), signed with `secret` unless a signature (or null: none) is given.
 */
export async function postWebhook(graphqlUrl: string, secret: string, body: unknown, options: { signature?: string | null; text?: string } = {}): Promise<number> {
  const signature = options.signature === undefined ? signWebhook(secret, body) : options.signature;
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/webhooks/acquire'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-acquire-signature': signature }) },
    body: options.text ?? JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}
