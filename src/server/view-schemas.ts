import { z } from 'zod';
import { ledgerEventSchema } from '../app/index.ts';

/**
 * Response schemas of the ledger's read side, written out field by field from the app's types (src/app/ledger/types.ts,
 * src/app/lineage/*.ts) so that /openapi.json is a contract a client can generate code from. Objects are strict: a
 * field the app adds without adding it here makes the response fail validation (a 500 the route test catches) rather
 * than vanish silently from the answer.
 */
const hex = z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'SHA-256 as 64 lowercase hex digits.' });
const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/);
const index = z.number().int().nonnegative();
const time = z.string().meta({ description: 'RFC 3339, UTC.' });

export const ledgerEvent = ledgerEventSchema.meta({ id: 'LedgerEvent', description: 'One ledger event (docs/ledger.md, Events); its RFC 8785 canonical JSON is the leaf.' });

type EventType = z.infer<typeof ledgerEventSchema>['type'];
/** The member of the event union with this type, for views that only ever hold one kind. */
function eventOf(type: EventType) {
  const member = ledgerEventSchema.options.find((option) => option.shape.type.value === type);
  if (member === undefined) throw new Error(`no ledger event of type ${type}`);
  return member;
}

const recorded = <S extends z.ZodType>(event: S) => z.strictObject({ index, event, leafHash: hex });

export const recordedEvent = recorded(ledgerEvent).meta({ id: 'RecordedEvent', description: 'An event with its position in the log and its leaf hash.' });

export const recordResult = z
  .strictObject({ index, event: ledgerEvent, warnings: z.array(z.string()) })
  .meta({ id: 'RecordResult', description: 'The event as appended, its index in the log, and warnings (as `steward record` prints them).' });

const verdicts = z.array(recorded(eventOf('verdict')));

export const lineage = z
  .strictObject({
    model: z.string(),
    version: z.string(),
    record: recorded(eventOf('version')),
    runId: z.string().optional().meta({ description: 'Set with no `run` when the version names a run that is not in the log.' }),
    run: recorded(eventOf('run')).optional(),
    datasets: z.array(
      z.strictObject({
        name: z.string(),
        digest,
        record: recorded(eventOf('dataset')).optional(),
        checks: verdicts.meta({ description: 'Data checks recorded on exactly this content.' }),
      }),
    ),
    code: z.strictObject({ repository: z.string().optional(), commit: z.string().optional() }).optional(),
    verdicts,
    deployments: z.array(recorded(eventOf('deployment'))),
    approvals: z.array(recorded(eventOf('approval'))).meta({ description: 'Approvals and rejections of this version, in log order.' }),
  })
  .meta({ id: 'Lineage', description: 'Upstream (run, datasets, code) and downstream (verdicts, deployments, approvals) of one model version.' });

export const state = z
  .strictObject({
    at: time,
    events: index.meta({ description: 'How many events were recorded at or before `at`.' }),
    deployments: z.array(z.strictObject({ environment: z.string(), model: z.string(), version: z.string(), since: time, index })),
    policies: z.array(z.strictObject({ name: z.string(), digest, since: time, index })),
    waivers: z.array(
      z.strictObject({
        rule: z.string(),
        model: z.string(),
        owner: z.string(),
        approver: z.string(),
        ticket: z.string(),
        justification: z.string(),
        expires: z.string(),
        recordedAt: time,
        index,
      }),
    ),
  })
  .meta({ id: 'State', description: 'The registry at one instant: live deployments, published policies, waivers in force.' });

export const checkpoint = z
  .strictObject({ origin: z.string(), size: index, root: hex, text: z.string().meta({ description: 'The C2SP signed note, verbatim.' }), verifierKey: z.string().optional() })
  .meta({ id: 'Checkpoint' });

const findingCodes = [
  'LEDGER_LEAF_MISMATCH',
  'LEDGER_NODE_MISMATCH',
  'LEDGER_ROOT_MISMATCH',
  'LEDGER_LOG_TRUNCATED',
  'LEDGER_BAD_SIGNATURE',
  'LEDGER_MALFORMED_CHECKPOINT',
  'LEDGER_MALFORMED_KEY',
  'LEDGER_ORIGIN_MISMATCH',
  'LEDGER_INCONSISTENT',
  'LEDGER_MALFORMED_BUNDLE',
] as const;

export const verifyReport = z
  .discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), size: index, root: hex, checkpoints: index }),
    z.strictObject({
      ok: z.literal(false),
      size: index,
      checkpoints: index,
      finding: z.strictObject({ code: z.enum(findingCodes), index: index.optional(), size: index.optional(), line: index.optional(), reason: z.string() }),
    }),
  ])
  .meta({ id: 'VerifyReport', description: 'ok with size and root, or the first finding (with the first bad index when one can be named).' });

export const inclusionProof = z
  .strictObject({
    index,
    treeSize: index,
    leafHash: hex,
    root: hex,
    auditPath: z.array(hex).meta({ description: 'RFC 9162 order: deepest sibling first.' }),
    leaf: z.string().meta({ description: 'The leaf: canonical JSON of the event.' }),
    checkpoint: z.string().optional(),
    verifierKey: z.string().optional(),
  })
  .meta({ id: 'InclusionProof' });

export const consistencyProof = z
  .strictObject({
    first: index,
    second: index,
    firstRoot: hex,
    secondRoot: hex,
    proof: z.array(hex),
    firstCheckpoint: z.string().optional(),
    secondCheckpoint: z.string().optional(),
    verifierKey: z.string().optional(),
  })
  .meta({ id: 'ConsistencyProof' });

const tracedEvent = z.strictObject({ index, event: ledgerEvent, proof: inclusionProof });
const tracedRecord = z.strictObject({
  record: z.record(z.string(), z.unknown()).meta({ description: 'The decision or label as stored (its canonical JSON is the in-batch leaf).' }),
  batch: z.strictObject({ ledgerIndex: index, position: index, size: index, root: hex, auditPath: z.array(hex) }),
  proof: inclusionProof,
});

export const decisionTrace = z
  .strictObject({
    decision: tracedRecord,
    label: tracedRecord.optional(),
    version: tracedEvent.optional(),
    deployments: z.array(tracedEvent),
    verdicts: z.array(tracedEvent),
    approvals: z.array(tracedEvent).meta({ description: 'Approvals and rejections of the version recorded before its deployment, in log order.' }),
  })
  .meta({ id: 'DecisionTrace', description: 'decision → version → deployments in force → verdicts and approvals, each with its inclusion proof (docs/server.md, Trace).' });

export const bom = z
  .looseObject({
    bomFormat: z.literal('CycloneDX'),
    specVersion: z.literal('1.6'),
    serialNumber: z.string().regex(/^urn:uuid:/),
    version: z.literal(1),
    metadata: z.looseObject({ timestamp: time, component: z.looseObject({ type: z.literal('machine-learning-model'), name: z.string(), version: z.string() }) }),
    components: z.array(z.looseObject({ type: z.literal('data'), name: z.string() })),
    dependencies: z.array(z.looseObject({ ref: z.string(), dependsOn: z.array(z.string()).optional() })),
  })
  .meta({ id: 'CycloneDxBom', description: 'A CycloneDX 1.6 ML-BOM (the official 1.6 JSON schema describes it in full).' });
