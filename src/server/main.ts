import cluster from 'node:cluster';
import { loadConfig } from './config.js';
import { serve } from './serve.js';
import { superviseWorkers } from './workers.js';

/** The composition root: one server process, or with HEARTH_WORKERS a supervisor of several. */
const config = loadConfig();
if (config.workers > 1 && cluster.isPrimary) await superviseWorkers(config);
else await serve(config);
