/**
 * What went wrong, as Switchboard said it (its problem+json `code` and `detail`) or as the browser
 * did (`MICROPHONE_DENIED`, `NETWORK_LOST`…). `status` is the HTTP status when there was one.
 */
export class SwitchboardError extends Error {
  override readonly name = 'SwitchboardError';

  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The error a failed Switchboard response stands for, from its problem+json body when it has one. */
export async function errorFromResponse(res: Response, doing: string): Promise<SwitchboardError> {
  let problem: { code?: unknown; detail?: unknown; title?: unknown } = {};
  try {
    problem = (await res.json()) as typeof problem;
  } catch {
    // Not problem+json (a proxy's error page, say): the status is all there is.
  }
  const code = typeof problem.code === 'string' ? problem.code : `HTTP_${res.status}`;
  const said = typeof problem.detail === 'string' ? problem.detail : problem.title;
  const message = typeof said === 'string' ? said : `${doing} failed with HTTP ${res.status}`;
  return new SwitchboardError(code, message, res.status);
}
