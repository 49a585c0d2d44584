// What a job's batch handler returns, and what the runner offers it (lib/jobs/service.ts).
import type { Tx } from "../db/client";

export interface BatchResult {
  processed: number;
  cursor: string | null;
  done: boolean;
}

export interface BatchContext {
  /**
   * Has the next batch, the one after `cursor` (this batch's cursor once it commits), written beside this one in a
   * transaction of its own. `write` returns null to leave it for later. Before writing anything this batch writes
   * too, it must await `claim`: that waits until this batch has committed (it locks the job's row, which this batch
   * holds) and refuses, rolling the next batch back, if the job is no longer at `cursor` (this batch failed, or another
   * runner wrote on). The next batch then commits with the job's new cursor, as a batch of its own.
   */
  writeNext?: (cursor: string, write: (tx: Tx, claim: () => Promise<void>) => Promise<BatchResult | null>) => void;
}
