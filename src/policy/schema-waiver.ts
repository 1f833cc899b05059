import * as z from 'zod';

/**
 * A waivers file: time-bound, owned, approved exceptions. Every field is mandatory — a waiver nobody owns or
 * approved, or one that never expires, is not a waiver.
 */
export const waiverSchema = z.strictObject({
  rule: z.string().min(1),
  model: z.string().min(1),
  owner: z.string().min(1),
  approver: z.string().min(1),
  ticket: z.string().min(1),
  justification: z.string().min(1),
  expires: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .meta({ description: 'YYYY-MM-DD (through the end of that day, UTC) or an ISO 8601 date-time with offset' }),
});

export const waiversFileSchema = z
  .strictObject({ waivers: z.array(waiverSchema) })
  .meta({ title: 'Steward waivers', description: 'Time-bound exceptions to policy rules.' });

export type WaiverDocument = z.infer<typeof waiverSchema>;
