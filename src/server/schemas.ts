import { z } from 'zod';

/** The body of every error response: a stable code, a message, and where the problem is when known. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable error code, listed in docs/errors.md.' }),
      message: z.string(),
      field: z.string().optional().meta({ description: 'The request field (JSON path) or file the problem is in.' }),
      location: z
        .object({ file: z.string().optional(), line: z.number().int().optional(), column: z.number().int().optional(), path: z.string().optional() })
        .optional(),
      expected: z.string().optional(),
      hint: z.string().optional(),
      requestId: z.string().meta({ description: 'The x-request-id of this request, to find it in the server logs.' }),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBody>;

/** The error responses every authenticated route may answer with, for the OpenAPI document. */
export const authErrors = { 401: errorBody, 403: errorBody, 500: errorBody } as const;

/** The error responses of routes that take input. */
export const inputErrors = { ...authErrors, 400: errorBody, 422: errorBody } as const;
