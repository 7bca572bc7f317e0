/** The hand-written baseline in its own process: ACQUIRE_BASE_URL, ACQUIRE_API_KEY. Prints its URL. */
import { startHandwritten } from './handwritten/server.js';

const baseUrl = process.env.ACQUIRE_BASE_URL;
if (!baseUrl) throw new Error('Set ACQUIRE_BASE_URL');
const { url } = await startHandwritten(baseUrl, process.env.ACQUIRE_API_KEY ?? '');
process.stdout.write(`${JSON.stringify({ ready: true, url, pid: process.pid })}\n`);
process.once('SIGTERM', () => process.exit(0));
