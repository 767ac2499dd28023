// Runs PGlite (WASM PostgreSQL) off the main thread, so a long query never stalls the HTTP
// event loop. Plain JavaScript on purpose: a worker thread gets no TypeScript loader.
// Protocol: {id, op: 'query'|'copy'|'exec'|'dump'|'close', sql?, params?, blob?} -> {id, result?|error?}
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

// date -> 'YYYY-MM-DD' (never a JS Date at local midnight); int8 -> number; numeric stays text.
const parsers = {
  1082: (v) => v,
  20: (v) => Number(v),
};

async function open() {
  const options = { parsers, extensions: { pg_trgm, btree_gin } };
  if (workerData.loadDataDir) {
    options.loadDataDir = new Blob([workerData.loadDataDir]);
  }
  const db = workerData.dataDir ? new PGlite(workerData.dataDir, options) : new PGlite(options);
  await db.waitReady;
  return db;
}

const ready = open();

function serializeError(err) {
  return {
    message: err?.message ?? String(err),
    code: err?.code,
    detail: err?.detail,
    constraint: err?.constraint,
    table: err?.table,
    column: err?.column,
  };
}

parentPort.on('message', async (msg) => {
  try {
    const db = await ready;
    if (msg.op === 'init') {
      parentPort.postMessage({ id: msg.id, result: true });
    } else if (msg.op === 'query') {
      const r = await db.query(msg.sql, msg.params ?? []);
      parentPort.postMessage({
        id: msg.id,
        result: { rows: r.rows, affectedRows: r.affectedRows ?? 0 },
      });
    } else if (msg.op === 'copy') {
      // COPY … FROM '/dev/blob': PGlite's device reads the query's blob (bulk import)
      const r = await db.query(msg.sql, [], { blob: new Blob([msg.blob]) });
      parentPort.postMessage({ id: msg.id, result: { rows: [], affectedRows: r.affectedRows ?? 0 } });
    } else if (msg.op === 'exec') {
      const results = await db.exec(msg.sql);
      const last = results[results.length - 1];
      parentPort.postMessage({
        id: msg.id,
        result: { rows: last?.rows ?? [], affectedRows: last?.affectedRows ?? 0 },
      });
    } else if (msg.op === 'dump') {
      const file = await db.dumpDataDir('none');
      const buf = await file.arrayBuffer();
      parentPort.postMessage({ id: msg.id, result: buf }, [buf]);
    } else if (msg.op === 'close') {
      await db.close();
      parentPort.postMessage({ id: msg.id, result: true });
    }
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: serializeError(err) });
  }
});
