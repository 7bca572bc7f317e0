import { errorFromResponse, parseErrorBody, redact } from '../../src/upstream/errors.js';

describe('errorFromResponse maps status and error type to a code', () => {
  it.each([
    [401, { error: { type: 'ERROR_UNAUTHORIZED', message: 'bad key' } }, 'UNAUTHENTICATED'],
    [403, { error: { type: 'ERROR_UNAUTHORIZED_ACCESS' } }, 'FORBIDDEN'],
    [404, {}, 'NOT_FOUND'],
    [400, { error: { type: 'ERROR_RECORD_NOT_FOUND' } }, 'NOT_FOUND'],
    [400, { error: { type: 'ERROR_DUPLICATE_RECORD_FOUND' } }, 'CONFLICT'],
    [400, { error: { type: 'ERROR_INVALID_INPUT' } }, 'BAD_USER_INPUT'],
    [422, { message: 'nope' }, 'BAD_USER_INPUT'],
    [429, {}, 'RATE_LIMITED'],
    [500, { error: { type: 'ERROR_SERVER_ERROR' } }, 'UPSTREAM_ERROR'],
    [503, {}, 'UPSTREAM_ERROR'],
  ])('HTTP %i %j -> %s', (status, body, code) => {
    expect(errorFromResponse(status, JSON.stringify(body)).code).toBe(code);
  });

  it('reads the type wherever the body puts it', () => {
    expect(parseErrorBody('{"type":"ERROR_RECORD_NOT_FOUND","message":"No case"}')).toEqual({
      type: 'ERROR_RECORD_NOT_FOUND',
      message: 'No case',
    });
    expect(parseErrorBody('{"error":"ERROR_DUPLICATE_RECORD_FOUND"}').type).toBe('ERROR_DUPLICATE_RECORD_FOUND');
    expect(parseErrorBody('{"errors":[{"code":"ERROR_INVALID_INPUT","message":"caseId"}]}')).toEqual({
      type: 'ERROR_INVALID_INPUT',
      message: 'caseId',
    });
    expect(parseErrorBody('{"success":false,"error":"Case is closed"}').message).toBe('Case is closed');
  });

  it('copes with HTML error pages and empty bodies', () => {
    const html = errorFromResponse(502, '<html><body>Bad gateway</body></html>');
    expect(html.code).toBe('UPSTREAM_ERROR');
    expect(html.message).toContain('HTTP 502');
    expect(errorFromResponse(400, '').code).toBe('BAD_USER_INPUT');
  });

  it('passes on the upstream message, trimmed to one short line', () => {
    const error = errorFromResponse(400, JSON.stringify({ error: { type: 'ERROR_INVALID_INPUT', message: `bad\n${'x'.repeat(500)}` } }));
    expect(error.message).toMatch(/^The Acquire API rejected the request \(HTTP 400 ERROR_INVALID_INPUT\): bad x+…$/);
    expect(error.message.length).toBeLessThan(400);
    expect(error.status).toBe(400);
    expect(error.upstreamType).toBe('ERROR_INVALID_INPUT');
  });

  it('never repeats the API key, even when the upstream echoes it', () => {
    const secret = 'sk_live_0123456789';
    const error = errorFromResponse(
      401,
      JSON.stringify({ message: `Key ${secret} is revoked (header was Bearer ${secret})` }),
      secret,
    );
    expect(error.message).not.toContain(secret);
    expect(redact('Authorization: Bearer abc.def', undefined)).toBe('Authorization: Bearer [redacted]');
  });
});
