/**
 * Faults the emulator can be told to inject, for the gateway's hardening tests and soak run:
 * delay, answer with any status and body (garbage included), or reset the connection, on the
 * routes a rule matches.
 */
export interface FaultRule {
  /** Only this method; any when absent. */
  method?: string;
  /** A regular expression the API path (without /api/v1 and the query) must match. */
  path: string;
  /** Extra wait before answering (or before the fault below). */
  delayMs?: number;
  /** Answer with this status instead of the route's answer. */
  status?: number;
  /** The body sent with `status`, as is (defaults to a JSON error). */
  body?: string;
  contentType?: string;
  /** Extra headers sent with `status`, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
  /** Run the route first (its writes happen), then apply the status or reset. */
  afterHandler?: boolean;
  /** Apply to this many matching calls only, then stop; every matching call when absent. */
  times?: number;
  /** Apply to this share (0..1) of matching calls, at random; every one when absent. */
  probability?: number;
}

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp;
  remaining: number;
}

export class Faults {
  private rules: ActiveRule[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => {
      if (typeof rule.path !== 'string') throw new TypeError('A fault rule needs a path pattern');
      return { rule, pattern: new RegExp(rule.path), remaining: rule.times ?? Number.POSITIVE_INFINITY };
    });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this call, if any; counts it against the rule's `times`. */
  match(method: string, path: string, random: () => number = Math.random): FaultRule | null {
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (!active.pattern.test(path)) continue;
      if (rule.probability !== undefined && random() >= rule.probability) continue;
      active.remaining -= 1;
      return rule;
    }
    return null;
  }
}
