/**
 * The data check's bare read: `node bench/data-bare-read.ts --policy bench/data-policy.yaml --data <file>` decodes
 * every column the dataset check reads, with the kinds it reads them as (planned by src/app/data-columns.ts), and
 * computes nothing. The data check's time over this one is the price of its statistics on top of decoding the file.
 */
import { parseArgs } from 'node:util';
import { planDataColumns } from '../src/app/data-columns.ts';
import { loadPolicy } from '../src/policy/index.ts';
import { readRaw } from '../src/readers/index.ts';

const { values } = parseArgs({ options: { policy: { type: 'string' }, data: { type: 'string' } } });
if (values.policy === undefined || values.data === undefined) throw new Error('usage: node bench/data-bare-read.ts --policy <data policy> --data <file>');
const policy = await loadPolicy(values.policy);
if (policy.dataset === undefined) throw new Error(`${values.policy} is not a dataset policy`);
const { columns } = await planDataColumns({ path: values.data }, policy.dataset);
const result = await readRaw({ path: values.data }, columns.map(({ name, kind }) => ({ name, kind })));
console.log(`${result.rows} rows, ${columns.length} columns`);
