// The services one running server shares: configuration, database, blob store, field cipher, mailer, job queue.
import type { Config } from './config.js';
import type { FieldCipher } from './crypto.js';
import type { Database } from './db/client.js';
import type { Jobs } from './jobs/queue.js';
import type { Mailer } from './mail/outbound.js';
import type { BlobStore } from './storage/storage.js';

export type AppContext = {
  config: Config;
  database: Database;
  store: BlobStore;
  cipher: FieldCipher;
  mailer: Mailer;
  jobs: Jobs;
};
