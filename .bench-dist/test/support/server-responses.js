import { profilesFileEnv } from './profiles-file.js';
/** Env for an app whose default agent has the server start every response. */ export const serverStartsEnv = ()=>profilesFileEnv({
        default: {
            responseStart: 'server'
        }
    });
/** The shape of a response tag Switchboard puts in `metadata.switchboard`. */ export const RESPONSE_TAG = /^[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}$/;
export const metadataOf = (e)=>e.response.metadata ?? null;
export const statusOf = (e)=>e.response.status;
export const responseIdOf = (e)=>e.response.id;
/** The `kind` of every tamper entry audited for a session, oldest first. */ export const tamperKinds = async (sut, sessionId)=>(await sut.query(`SELECT data FROM audit_log WHERE subject = $1 AND action = 'session.tamper_detected' ORDER BY seq`, [
        sessionId
    ])).map((row)=>row.data.kind);

//# sourceMappingURL=server-responses.js.map