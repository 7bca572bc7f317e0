/** The upstream's error types with the HTTP status its docs give each (RECORD_NOT_FOUND really is 400). */
export const ERROR_STATUS = {
  ERROR_INVALID_INPUT: 400,
  ERROR_RECORD_NOT_FOUND: 400,
  ERROR_DUPLICATE_RECORD_FOUND: 400,
  ERROR_UNAUTHORIZED: 401,
  ERROR_UNAUTHORIZED_ACCESS: 403,
  ERROR_ROUTE_NOT_FOUND: 404,
  ERROR_SERVER_ERROR: 500,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;

  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
    this.status = ERROR_STATUS[type];
  }

  toBody(): { error: { type: ErrorType; message: string } } {
    return { error: { type: this.type, message: this.message } };
  }
}

export const invalidInput = (message: string): ApiError => new ApiError('ERROR_INVALID_INPUT', message);

export const recordNotFound = (what: string, id: number | string): ApiError =>
  new ApiError('ERROR_RECORD_NOT_FOUND', `${what} ${id} was not found`);
