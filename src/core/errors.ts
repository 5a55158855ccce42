/** Every error the API returns has one of these codes; the status and message follow from it. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_GEOJSON: 400,
  GRID_PARENT_LEVEL: 400,
  ORG_PARENT_KIND: 400,
  ORG_CYCLE: 400,
  INVALID_FILE: 400,
  OUTSIDE_COUNTY: 400,
  CALENDAR_DAY_OUTSIDE_YEAR: 400,
  CALENDAR_DAY_DUPLICATE: 400,
  CALENDAR_WORKDAY_NOT_WEEKEND: 400,
  CALENDAR_HOLIDAY_NOT_WEEKDAY: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  REFERENCED: 409,
  STALE_UPDATE: 409,
  CASE_TRANSITION_NOT_ALLOWED: 409,
  CASE_MERGE_NOT_ALLOWED: 409,
  INVALID_IMAGE: 400,
  CASE_PHOTO_LIMIT: 400,
  EVALUATION_SESSION_EXISTS: 409,
  EVALUATION_SESSION_HELD: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorParams = Record<string, string | number | undefined>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details?: unknown;

  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
