import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BUILT_IN_MODEL_ID } from './embedding-model.config.js';
import { ensureBuiltInModel } from './model-cache.provisioner.js';

const LAYOUT = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
  'onnx/model_quantized.onnx',
];

describe(ensureBuiltInModel.name, () => {
  let cacheDir: string;
  beforeEach(async () => (cacheDir = await mkdtemp(join(tmpdir(), 'switchboard-provision-'))));
  afterEach(() => rm(cacheDir, { recursive: true, force: true }));

  it('lets two concurrent calls on a fresh dir both succeed and leaves one complete model', async () => {
    const [a, b] = await Promise.all([ensureBuiltInModel(cacheDir), ensureBuiltInModel(cacheDir)]);
    const modelDir = join(cacheDir, BUILT_IN_MODEL_ID);
    expect(a).toBe(modelDir);
    expect(b).toBe(modelDir);
    for (const file of LAYOUT) expect((await stat(join(modelDir, file))).size).toBeGreaterThan(0);
    expect((await readdir(cacheDir)).sort()).toEqual(['Xenova']);
    const tokenizerConfig = JSON.parse(
      await readFile(join(modelDir, 'tokenizer_config.json'), 'utf8'),
    );
    expect(tokenizerConfig).toMatchObject({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 256,
    });
  });

  it('is idempotent: a second call keeps the existing files', async () => {
    const modelDir = await ensureBuiltInModel(cacheDir);
    const before = await stat(join(modelDir, 'onnx/model_quantized.onnx'));
    await ensureBuiltInModel(cacheDir);
    const after = await stat(join(modelDir, 'onnx/model_quantized.onnx'));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('never takes a dir without its marker as complete, and replaces it', async () => {
    const modelDir = join(cacheDir, BUILT_IN_MODEL_ID);
    await mkdir(join(modelDir, 'onnx'), { recursive: true });
    await writeFile(join(modelDir, 'onnx/model.onnx'), 'half-written');
    await ensureBuiltInModel(cacheDir);
    expect((await stat(join(modelDir, 'onnx/model.onnx'))).size).toBeGreaterThan(80e6);
    expect(await readdir(cacheDir)).toEqual(['Xenova']);
  });

  it('rebuilds when a file of a complete model was truncated', async () => {
    const modelDir = await ensureBuiltInModel(cacheDir);
    await writeFile(join(modelDir, 'onnx/model_quantized.onnx'), '');
    await ensureBuiltInModel(cacheDir);
    expect((await stat(join(modelDir, 'onnx/model_quantized.onnx'))).size).toBeGreaterThan(20e6);
  });
});
