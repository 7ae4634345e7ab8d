// A separate process racing another on the same events through a shared Redis. It waits for
// "go", delivers every event several times at once, and reports which handlers ran here.
import { Redis } from 'ioredis';
import { Deduper } from '../../src/deduper.ts';
import { RedisStore } from '../../src/stores/redis-store.ts';

const [socket, eventsText, deliveriesText, prefix] = process.argv.slice(2);
const client = new Redis({ path: socket as string });
const deduper = new Deduper(new RedisStore(client, { prefix: prefix as string }));
const events = Number(eventsText);
const deliveries = Number(deliveriesText);

const ran: string[] = [];
const statuses: Record<string, number> = { handled: 0, duplicate: 0, 'in-progress': 0 };
await client.ping();
process.send?.({ ready: true });
await new Promise((resolve) => process.once('message', resolve));

const jobs: Promise<void>[] = [];
for (let d = 0; d < deliveries; d += 1) {
  for (let e = 0; e < events; e += 1) {
    jobs.push(
      deduper
        .run(`EV-${e}`, async () => {
          ran.push(`EV-${e}`);
          await new Promise((resolve) => setImmediate(resolve));
        })
        .then((outcome) => {
          statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
        }),
    );
  }
}
await Promise.all(jobs);
process.send?.({ ran, statuses });
await client.quit();
