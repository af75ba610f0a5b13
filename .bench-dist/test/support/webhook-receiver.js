import { createServer } from 'node:http';
/**
 * A local HTTP endpoint that records webhooks verbatim (raw body, headers) and answers each with
 * the next status from `statuses` (the last one repeats).
 */ export class WebhookReceiver {
    constructor(statuses = [
        200
    ]){
        this.statuses = statuses;
        this.received = [];
    }
    async start() {
        this.server = createServer((req, res)=>{
            let body = '';
            req.on('data', (chunk)=>body += chunk.toString());
            req.on('end', ()=>{
                this.received.push({
                    headers: req.headers,
                    body
                });
                const status = this.statuses[Math.min(this.received.length - 1, this.statuses.length - 1)];
                res.writeHead(status).end();
            });
        });
        await new Promise((resolve)=>this.server.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${this.server.address().port}/webhooks/openai`;
    }
    async close() {
        this.server?.closeAllConnections();
        await new Promise((resolve)=>this.server ? this.server.close(()=>resolve()) : resolve());
    }
}

//# sourceMappingURL=webhook-receiver.js.map