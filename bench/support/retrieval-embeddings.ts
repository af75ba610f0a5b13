import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  BUILT_IN_MODEL_ID,
  loadTokenCounter,
  resolveEmbeddingModelConfig,
  WorkerEmbedder,
  type EmbeddingDtype,
} from '../../src/knowledge/embedding/index.js';

/** `bench/.cache` in the source tree (this file runs from `<out>/bench/support/`). */
export const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../bench/.cache');

/** Passages per cache file: a smaller corpus (a prefix) reuses the first files of a bigger one. */
const SHARD = 5000;
/** Bump when the file layout changes. */
const FORMAT = 1;
const MAGIC = 0x43455652; // "RVEC"
const HEADER_BYTES = 32;

export interface CorpusVectors {
  /** `count × dimension` floats, row-major, in corpus order. */
  readonly vectors: Float32Array;
  readonly dimension: number;
  /** Word pieces of each embedded text, [CLS]/[SEP] included. */
  readonly tokens: Uint16Array;
  /** Passages embedded by this run (0 with a warm cache) and how long that took. */
  readonly embeddedNow: number;
  readonly embedMsNow: number;
  /** What embedding every passage took when each cache file was made (sum over the files). */
  readonly firstRunEmbedMs: number;
  readonly cacheFiles: readonly string[];
  readonly cacheBytes: number;
}

export interface EmbeddingOptions {
  readonly modelCacheDir: string;
  readonly dtype: EmbeddingDtype;
  readonly log: (line: string) => void;
}

/**
 * The built-in model's vectors of `texts`, from `bench/.cache` when they were embedded before.
 * Each file holds 5,000 consecutive texts and is named by a hash of the model, dtype and those
 * texts, so any change to the corpus or the model embeds again. Missing files are made with the
 * real `WorkerEmbedder` (q8 unless told otherwise); texts are sorted by length within a file so a
 * batch pads little, and the vectors are put back in corpus order.
 */
export async function corpusVectors(
  texts: readonly string[],
  options: EmbeddingOptions,
): Promise<CorpusVectors> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const shards = Array.from({ length: Math.ceil(texts.length / SHARD) }, (_, i) =>
    texts.slice(i * SHARD, (i + 1) * SHARD),
  );
  const files = shards.map((shard) => join(CACHE_DIR, `retrieval-${shardKey(shard, options)}.bin`));
  const missing = files.map((f, i) => (exists(f) ? -1 : i)).filter((i) => i >= 0);
  let embeddedNow = 0;
  let embedMsNow = 0;
  if (missing.length > 0) {
    const todo = missing.reduce((n, i) => n + shards[i]!.length, 0);
    options.log(
      `embedding ${todo} passages (${missing.length} of ${files.length} cache files missing) with ${BUILT_IN_MODEL_ID} ${options.dtype}`,
    );
    const config = resolveEmbeddingModelConfig({
      cacheDir: options.modelCacheDir,
      dtype: options.dtype,
      batchSize: 16,
    });
    const counter = await loadTokenCounter(config);
    const embedder = new WorkerEmbedder(config);
    try {
      await embedder.ready();
      const started = performance.now();
      for (const i of missing) {
        const shard = shards[i]!;
        const t0 = performance.now();
        const tokens = Uint16Array.from(shard, (t) => counter.count(t));
        const order = shard.map((_, j) => j).sort((a, b) => tokens[a]! - tokens[b]! || a - b);
        const vectors = new Float32Array(shard.length * 384);
        const STEP = 256;
        for (let k = 0; k < order.length; k += STEP) {
          const part = order.slice(k, k + STEP);
          const out = await embedder.embed(part.map((j) => shard[j]!));
          out.forEach((v, m) => vectors.set(v, part[m]! * v.length));
        }
        const ms = performance.now() - t0;
        writeShard(files[i]!, tokens, vectors, ms);
        embeddedNow += shard.length;
        embedMsNow = performance.now() - started;
        const rate = embeddedNow / (embedMsNow / 1000);
        options.log(
          `  cache file ${i + 1}/${files.length}: ${shard.length} passages in ${Math.round(ms / 1000)} s ` +
            `(${rate.toFixed(1)}/s so far, ~${Math.round((todo - embeddedNow) / rate / 60)} min left)`,
        );
      }
    } finally {
      await embedder.close();
    }
  }
  const vectors = new Float32Array(texts.length * 384);
  const tokens = new Uint16Array(texts.length);
  let firstRunEmbedMs = 0;
  let cacheBytes = 0;
  files.forEach((file, i) => {
    const shard = readShard(file);
    if (shard.tokens.length !== shards[i]!.length) throw new Error(`${file} is not what it claims`);
    vectors.set(shard.vectors, i * SHARD * 384);
    tokens.set(shard.tokens, i * SHARD);
    firstRunEmbedMs += shard.embedMs;
    cacheBytes += statSync(file).size;
  });
  return {
    vectors,
    dimension: 384,
    tokens,
    embeddedNow,
    embedMsNow,
    firstRunEmbedMs,
    cacheFiles: files,
    cacheBytes,
  };
}

/** Everything under `bench/.cache` this benchmark wrote, for the report. */
export function cacheDirBytes(): number {
  try {
    return readdirSync(CACHE_DIR)
      .filter((f) => f.startsWith('retrieval-'))
      .reduce((n, f) => n + statSync(join(CACHE_DIR, f)).size, 0);
  } catch {
    return 0;
  }
}

function shardKey(shard: readonly string[], options: EmbeddingOptions): string {
  const hash = createHash('sha256').update(`${FORMAT}\n${BUILT_IN_MODEL_ID}\n${options.dtype}\n`);
  for (const text of shard) hash.update(text).update('\u0000');
  return hash.digest('hex').slice(0, 24);
}

function exists(file: string): boolean {
  try {
    return statSync(file).size > HEADER_BYTES;
  } catch {
    return false;
  }
}

/** magic, format, count, dimension (u32 each), embedding ms (f64), reserved; tokens (u16, padded to 4 bytes); vectors (f32). */
function writeShard(file: string, tokens: Uint16Array, vectors: Float32Array, embedMs: number) {
  const tokenBytes = Math.ceil((tokens.length * 2) / 4) * 4;
  const buffer = Buffer.alloc(HEADER_BYTES + tokenBytes + vectors.byteLength);
  buffer.writeUInt32LE(MAGIC, 0);
  buffer.writeUInt32LE(FORMAT, 4);
  buffer.writeUInt32LE(tokens.length, 8);
  buffer.writeUInt32LE(vectors.length / tokens.length, 12);
  buffer.writeDoubleLE(embedMs, 16);
  Buffer.from(tokens.buffer, tokens.byteOffset, tokens.byteLength).copy(buffer, HEADER_BYTES);
  Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength).copy(
    buffer,
    HEADER_BYTES + tokenBytes,
  );
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, buffer);
  renameSync(tmp, file);
}

function readShard(file: string) {
  const buffer = readFileSync(file);
  if (buffer.readUInt32LE(0) !== MAGIC || buffer.readUInt32LE(4) !== FORMAT)
    throw new Error(`${file} is not a retrieval cache file`);
  const count = buffer.readUInt32LE(8);
  const dimension = buffer.readUInt32LE(12);
  const tokenBytes = Math.ceil((count * 2) / 4) * 4;
  const copy = new Uint8Array(buffer.subarray(HEADER_BYTES)).buffer;
  return {
    embedMs: buffer.readDoubleLE(16),
    tokens: new Uint16Array(copy, 0, count),
    vectors: new Float32Array(copy, tokenBytes, count * dimension),
  };
}
