import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';

import { newId } from '../../common/ids.js';
import { PollLoop } from '../../common/workers/poll-loop.js';
import { AppConfig } from '../../config/app-config.js';
import { chunkDocument } from '../../knowledge/chunk/index.js';
import type { DocumentChunk } from '../../knowledge/index.js';
import { VersionPublisher } from './version-publisher.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { KnowledgeChunksRepository } from './knowledge-chunks.repository.js';
import { KnowledgeJobsRepository, type KnowledgeJobRow } from './knowledge-jobs.repository.js';
import { KnowledgeModels } from './knowledge-models.js';

/** Chunks embedded and stored per step; each step renews the lease and reports progress. */
const STEP = 16;
/** A job whose worker died this many times is failed rather than tried again. */
const MAX_ATTEMPTS = 3;
/**
 * Jobs run at once by one worker. Two keep the embedder busy: while one job's passages are
 * embedded (on the worker thread), the other claims, chunks, stores and publishes on this one.
 * One at a time left the embedder idle ~25 % of the time with short documents (the retrieval
 * benchmark's ingestion figure); more than two only queue at the embedder.
 */
const LANES = 2;

/**
 * Runs ingestion jobs: chunk the version's extracted text with the model's own tokenizer, embed
 * the chunks in steps, store them, then publish the version. Any replica may run it; a job is
 * claimed with SKIP LOCKED under a lease, so one worker writes a document's chunks at a time, and
 * a job whose replica died is taken over once its lease lapses. Chunking is deterministic, so the
 * new worker resumes after the chunks already stored instead of starting again.
 */
@Injectable()
export class IngestionWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestionWorker.name);
  readonly workerId = newId('wrk');
  private readonly loop = new PollLoop(
    () => this.pass(),
    (error) =>
      this.logger.error({ err: (error as Error).message }, 'Knowledge ingestion pass failed'),
  );

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: KnowledgeJobsRepository,
    private readonly versions: DocumentVersionsRepository,
    private readonly chunks: KnowledgeChunksRepository,
    private readonly models: KnowledgeModels,
    private readonly publisher: VersionPublisher,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.knowledge.worker) this.loop.start(this.config.knowledge.pollMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Looks for work now (or right after the current pass). */
  kick(): void {
    if (this.config.knowledge.worker) this.loop.kick();
  }

  private async pass(): Promise<void> {
    await this.models.ensureRegistered();
    await Promise.all(Array.from({ length: LANES }, () => this.drain()));
  }

  /** Runs jobs until none is left to claim (or the worker stops). */
  private async drain(): Promise<void> {
    let job: KnowledgeJobRow | undefined;
    while (!this.stopped && (job = await this.jobs.claim(this.workerId, this.lease, MAX_ATTEMPTS)))
      await this.run(job);
  }

  private get stopped(): boolean {
    return this.loop.isStopped;
  }

  private get lease(): number {
    return this.config.knowledge.jobLeaseSeconds;
  }

  private async run(job: KnowledgeJobRow): Promise<void> {
    if (job.status === 'failed') return this.publisher.failed(job, job.error!);
    try {
      const model = await this.models.status(job.model_id);
      if (model?.status === 'retired')
        throw new JobFailure(
          'MODEL_RETIRED',
          `The model ${job.model_id} was replaced before this job ran.`,
        );
      const chunks = await this.chunk(job);
      await this.embedAll(job, chunks);
      await this.publisher.done(job, this.workerId, chunks.length);
    } catch (error) {
      if (error instanceof LostClaim) return;
      // Stopping (its embedder closes under it) is not the document's fault: another replica resumes.
      if (this.stopped) return this.jobs.release(job.id, this.workerId);
      const failure =
        error instanceof JobFailure
          ? error
          : new JobFailure(
              'INGESTION_FAILED',
              'Embedding failed; the error is in the server log. Upload the document again.',
            );
      if (!(error instanceof JobFailure))
        this.logger.error(
          { jobId: job.id, err: (error as Error).message },
          'Knowledge ingestion failed',
        );
      await this.publisher.fail(job, this.workerId, {
        code: failure.code,
        message: failure.message,
      });
    }
  }

  private async chunk(job: KnowledgeJobRow): Promise<DocumentChunk[]> {
    const extracted = await this.versions.blocks(job.document_id, job.version);
    if (!extracted)
      throw new JobFailure('INGESTION_FAILED', 'The version to ingest no longer exists.');
    const counter = await this.models.tokenCounter(job.model_id);
    return chunkDocument(extracted, counter);
  }

  private async embedAll(job: KnowledgeJobRow, chunks: readonly DocumentChunk[]): Promise<void> {
    const owner = await this.publisher.owner(job);
    let done = await this.chunks.countStored(job.document_id, job.version, job.model_id);
    await this.report(job, done, chunks.length);
    const embedder = this.models.embedder(job.model_id);
    while (done < chunks.length && !this.stopped) {
      const step = chunks.slice(done, done + STEP);
      const vectors = await embedder.embed(step.map((c) => c.embeddingText));
      await this.chunks.insertBatch(owner, step, vectors);
      done += step.length;
      await this.report(job, done, chunks.length);
    }
    if (done < chunks.length) {
      await this.jobs.release(job.id, this.workerId);
      throw new LostClaim();
    }
  }

  private async report(job: KnowledgeJobRow, done: number, total: number): Promise<void> {
    if (
      !(await this.jobs.progress(
        job.id,
        this.workerId,
        { status: 'embedding', done, total },
        this.lease,
      ))
    )
      throw new LostClaim();
  }
}

/** A job failure with its own code, shown on the job. */
class JobFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Another worker took the job over (this one stalled past its lease), or this replica stops. */
class LostClaim extends Error {}
