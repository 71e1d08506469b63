import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * The AWS JSON 1.1 protocol as ECR speaks it: `application/x-amz-json-1.1` both ways, timestamps as
 * epoch seconds (JSON numbers), errors as HTTP 400 (500 for ServerException) with the exception name in
 * `__type` and in `x-amzn-ErrorType`, and opaque `nextToken`s for pagination.
 */
export const JSON_1_1 = 'application/x-amz-json-1.1';

/** An exception ECR answers with; `status` is 400 for client errors, 500 for ServerException. */
export class EcrFault extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export function replyJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': JSON_1_1,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(text);
}

export function replyFault(response: ServerResponse, fault: EcrFault): void {
  const text = JSON.stringify({ __type: fault.type, message: fault.message });
  response.writeHead(fault.status, {
    'Content-Type': JSON_1_1,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    'x-amzn-ErrorType': fault.type,
  });
  response.end(text);
}

/** Epoch seconds with milliseconds, the way ECR's JSON carries timestamps. */
export const epochSeconds = (milliseconds: number): number => milliseconds / 1000;

export const invalidParameter = (name: string, constraint: string): EcrFault =>
  new EcrFault(
    'InvalidParameterException',
    `Invalid parameter at '${name}' failed to satisfy constraint: '${constraint}'`,
  );

/** The request body as an object; anything else is the SerializationException AWS answers. */
export function parseRequestBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new EcrFault('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EcrFault('SerializationException', 'Start of structure or map found where not expected.');
  }
  return value as Record<string, unknown>;
}

export interface PageRequest {
  maxResults?: unknown;
  nextToken?: unknown;
}

/**
 * One page of `items`: at most `maxResults` (1–1000, default `defaultSize`), from where `nextToken`
 * left off. Tokens are opaque and bound to the listing they came from (operation and repository).
 */
export function paginate<T>(
  items: readonly T[],
  request: PageRequest,
  listing: string,
  defaultSize: number,
): { page: T[]; nextToken?: string } {
  const size = request.maxResults ?? defaultSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 1000) {
    throw invalidParameter('maxResults', 'Member must have value between 1 and 1000');
  }
  let start = 0;
  if (request.nextToken !== undefined) {
    const decoded = decodeToken(request.nextToken);
    if (!decoded || decoded.listing !== listing || decoded.offset > items.length) {
      throw invalidParameter('nextToken', 'Invalid pagination token');
    }
    start = decoded.offset;
  }
  const end = start + size;
  return {
    page: items.slice(start, end),
    ...(end < items.length && { nextToken: encodeToken({ listing, offset: end }) }),
  };
}

function encodeToken(value: { listing: string; offset: number }): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}

function decodeToken(token: unknown): { listing: string; offset: number } | undefined {
  if (typeof token !== 'string') return undefined;
  try {
    const value = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<string, unknown>;
    return typeof value.listing === 'string' && Number.isInteger(value.offset) && Number(value.offset) >= 0
      ? { listing: value.listing, offset: Number(value.offset) }
      : undefined;
  } catch {
    return undefined;
  }
}
