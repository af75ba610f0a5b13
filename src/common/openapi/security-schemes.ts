import type { SecuritySchemeObject } from '@nestjs/swagger';

/** The scheme app users' routes name: a bearer JWT from the identity provider. */
export const USER_JWT = 'user-jwt';

/** The scheme operators' routes name: a bearer API key. */
export const OPERATOR_API_KEY = 'operator-api-key';

/** Every security scheme of the OpenAPI document, by the name routes reference it with. */
export const SECURITY_SCHEMES: Readonly<
  Record<typeof USER_JWT | typeof OPERATOR_API_KEY, SecuritySchemeObject>
> = {
  [USER_JWT]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "An app user's JWT, signed by your identity provider (`SWITCHBOARD_JWT_SECRET` or " +
      '`SWITCHBOARD_JWT_JWKS_URL`); its claims name the user, tenant and roles. To try the API, ' +
      'let Switchboard sign one with its own secret: ' +
      '`npm run -s cli -- token --user alice --tenant acme --roles customer`.',
  },
  [OPERATOR_API_KEY]: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An operator API key: `sk_sb_` and 43 base64url characters, sent as the bearer token. The ' +
      'first admin key comes from `npm run cli -- api-key create --name "Ops admin" --role admin`; ' +
      'admins create more with `POST /v1/admin/api-keys`. A key is shown once, when it is created.',
  },
};
