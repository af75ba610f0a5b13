import WebSocket from 'ws';
import { EventStream } from './event-stream.js';
/** A WebSocket to `/v1/realtime` (plain session or sideband) that records every server event. */ export class RealtimeSocket {
    constructor(ws){
        this.ws = ws;
        this.stream = new EventStream();
        ws.on('message', (data)=>this.stream.push(JSON.parse(data.toString())));
        ws.on('close', (code, reason)=>this.closed = {
                code,
                reason: reason.toString()
            });
    }
    static async open(baseUrl, query, apiKey) {
        const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/realtime?${query}`, {
            headers: {
                authorization: `Bearer ${apiKey}`
            }
        });
        const socket = new RealtimeSocket(ws);
        await new Promise((resolve, reject)=>{
            ws.once('open', ()=>resolve());
            ws.once('error', reject);
        });
        return socket;
    }
    /** Tries to connect and returns the HTTP status and JSON body of a refused upgrade. */ static async refusal(baseUrl, query, headers) {
        const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/realtime?${query}`, {
            headers
        });
        return new Promise((resolve, reject)=>{
            ws.once('open', ()=>reject(new Error('the upgrade was accepted')));
            ws.once('unexpected-response', (_req, res)=>{
                let text = '';
                res.on('data', (chunk)=>text += chunk.toString());
                res.on('end', ()=>resolve({
                        status: res.statusCode ?? 0,
                        body: JSON.parse(text)
                    }));
            });
            ws.once('error', ()=>undefined);
        });
    }
    send(event) {
        this.ws.send(JSON.stringify(event));
    }
    async closeAndWait() {
        if (this.ws.readyState === WebSocket.CLOSED) return;
        await new Promise((resolve)=>{
            this.ws.once('close', ()=>resolve());
            this.ws.close();
        });
    }
}

//# sourceMappingURL=realtime-socket.js.map