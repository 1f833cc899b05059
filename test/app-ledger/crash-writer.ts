// A child process that appends events in small batches and prints each acknowledged range, until it is killed.
import { openLedger } from '../../src/app/index.ts';
import { sampleEvents } from './events.ts';

const ledger = await openLedger({ store: process.argv[2] as string });
for (let round = 0; ; round++) {
  const appended = await ledger.append(sampleEvents(50, round * 50));
  process.stdout.write(`${appended.first + appended.count}\n`);
}
