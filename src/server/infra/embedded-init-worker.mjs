// Creates an embedded database's files (PGlite's initdb) in a thread of its own, which then ends:
// the memory initdb grew (some 450 MB that a process keeps once grown) goes with the thread
// instead of staying with the server for its whole life. See openEmbeddedDb in db.ts.
import { workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create({ dataDir: workerData.dir });
await db.close();
