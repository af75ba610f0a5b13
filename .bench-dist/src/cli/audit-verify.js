/**
 * `npm run audit:verify -- <bundle.jsonl> --public-key <key.pem>`: checks an exported audit bundle
 * offline (no database, no running app): every hash link and every checkpoint signature.
 * Exit 0: valid. Exit 1: the first problem, with its line. Exit 2: usage.
 */ import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyBundle } from '../audit-bundle/verify-bundle.js';
const USAGE = 'usage: npm run audit:verify -- <bundle.jsonl> --public-key <key.pem>';
function main(argv) {
    let bundlePath;
    let keyPath;
    try {
        const { positionals, values } = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                'public-key': {
                    type: 'string'
                }
            }
        });
        bundlePath = positionals[0];
        keyPath = values['public-key'];
    } catch (error) {
        process.stderr.write(`${error.message}\n${USAGE}\n`);
        return 2;
    }
    if (!bundlePath || !keyPath) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
    let bundle;
    let key;
    try {
        bundle = readFileSync(bundlePath, 'utf8');
        key = readFileSync(keyPath, 'utf8');
    } catch (error) {
        process.stderr.write(`cannot read input: ${error.message}\n`);
        return 2;
    }
    const result = verifyBundle(bundle.split('\n'), key);
    if (!result.ok) {
        process.stdout.write(`INVALID ${bundlePath}:${result.line}: ${result.problem}\n`);
        return 1;
    }
    process.stdout.write(`OK ${result.entries} entries (last seq ${result.lastSeq}), ${result.checkpoints} signed checkpoint(s)\n`);
    return 0;
}
process.exitCode = main(process.argv.slice(2));

//# sourceMappingURL=audit-verify.js.map