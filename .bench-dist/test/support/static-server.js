import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
/** Serves one HTML file on 127.0.0.1 (a secure context, so getUserMedia works). */ export async function serveHtml(path) {
    const html = readFileSync(path);
    const server = createServer((_req, res)=>res.writeHead(200, {
            'content-type': 'text/html'
        }).end(html));
    await new Promise((resolve)=>server.listen(0, '127.0.0.1', resolve));
    return {
        url: `http://127.0.0.1:${server.address().port}/`,
        close: ()=>new Promise((resolve)=>server.close(()=>resolve()))
    };
}
/**
 * Serves one HTML page at `/` and the files of `directories` under their prefix (e.g. a client
 * library's browser bundle at `/agents/…`), on 127.0.0.1. Only names inside those directories.
 */ export async function servePage(page, directories) {
    const html = readFileSync(page);
    const server = createServer((req, res)=>{
        const path = new URL(req.url ?? '/', 'http://page.local').pathname;
        if (path === '/') return res.writeHead(200, {
            'content-type': 'text/html'
        }).end(html);
        for (const [prefix, dir] of Object.entries(directories)){
            const name = path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : '';
            if (!/^[\w.-]+$/.test(name)) continue;
            try {
                const body = readFileSync(`${dir}/${name}`);
                const type = name.endsWith('.mjs') || name.endsWith('.js') ? 'text/javascript' : 'text/plain';
                return res.writeHead(200, {
                    'content-type': type
                }).end(body);
            } catch  {
                break;
            }
        }
        res.writeHead(404).end();
    });
    await new Promise((resolve)=>server.listen(0, '127.0.0.1', resolve));
    return {
        url: `http://127.0.0.1:${server.address().port}/`,
        close: ()=>new Promise((resolve)=>server.close(()=>resolve()))
    };
}

//# sourceMappingURL=static-server.js.map