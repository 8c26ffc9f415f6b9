import type { ApiErrorCode, ErrorParams } from "../core/error-codes.ts";

/** An answer to a request the client can fix: a stable code (error-codes.ts), the English message, its values. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 415 | 429,
    readonly code: ApiErrorCode,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

export const badRequest = (code: ApiErrorCode, message: string, params?: ErrorParams) => new ApiError(400, code, message, params);
export const notFound = (code: ApiErrorCode, message: string, params?: ErrorParams) => new ApiError(404, code, message, params);
export const unauthorized = (code: ApiErrorCode, message: string, params?: ErrorParams) => new ApiError(401, code, message, params);
export const forbidden = (code: ApiErrorCode, message: string, params?: ErrorParams) => new ApiError(403, code, message, params);
export const conflict = (code: ApiErrorCode, message: string, params?: ErrorParams) => new ApiError(409, code, message, params);
