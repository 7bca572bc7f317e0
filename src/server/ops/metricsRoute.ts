/**
 * GET /metrics (Prometheus), on the public port or, with METRICS_PORT, on a server of its own
 * that answers nothing else, so the public side need not show it.
 */
import http from 'node:http';
import type { ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';

export async function sendMetrics(metrics: Metrics, res: ServerResponse): Promise<void> {
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType });
  res.end(text);
}

export function createMetricsServer(metrics: Metrics): http.Server {
  return http.createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Only /metrics here');
      return;
    }
    sendMetrics(metrics, res).catch(() => res.destroy());
  });
}
