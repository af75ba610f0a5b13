import { SignJWT } from 'jose';
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';
export const TEST_ISSUER = 'https://app.example.test';
export const TEST_AUDIENCE = 'switchboard';
/** Env that makes the app accept tokens from `userToken()`. */ export const JWT_ENV = {
    SWITCHBOARD_JWT_SECRET: TEST_JWT_SECRET,
    SWITCHBOARD_JWT_ISSUER: TEST_ISSUER,
    SWITCHBOARD_JWT_AUDIENCE: TEST_AUDIENCE
};
/** An HS256 app-user token, valid for 10 minutes unless overridden. */ export async function userToken(claims, options = {}) {
    return new SignJWT(claims).setProtectedHeader({
        alg: 'HS256'
    }).setIssuedAt().setIssuer(options.issuer ?? TEST_ISSUER).setAudience(options.audience ?? TEST_AUDIENCE).setExpirationTime(options.expiresIn ?? '10m').sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}
/** An unsigned token (`alg: none`), which must always be refused. */ export function unsignedToken(claims) {
    const encode = (value)=>Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode({
        alg: 'none',
        typ: 'JWT'
    })}.${encode(claims)}.`;
}

//# sourceMappingURL=tokens.js.map