import { createHash } from 'node:crypto';

/** What stands for a credential wherever one is kept: its SHA-256, so the key itself never is. */
export function credentialHash(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url');
}
