import { SwitchboardError } from '../client/errors.js';

/**
 * What `npm run cli -- call` prints: one line per thing that happened, readable (`you: …`,
 * `tool lookup_order: executed`) or, with `--json`, one JSON object per line (`{"type":"you",…}`).
 */
export type CallLine =
  | { readonly type: 'session'; readonly id: string; readonly agent: string; readonly api: string }
  | { readonly type: 'you' | 'assistant'; readonly text: string }
  | {
      readonly type: 'tool';
      readonly tool: string;
      readonly outcome: string;
      readonly toolCallId?: string | null;
      readonly code?: string;
      readonly actionId?: string;
    }
  | { readonly type: 'approval'; readonly actionId: string; readonly status: string }
  | {
      readonly type: 'knowledge';
      readonly given?: KnowledgeDoc[];
      readonly withdrawn?: Withdrawn[];
    }
  | { readonly type: 'warning'; readonly reason: string }
  | { readonly type: 'ended'; readonly state: string; readonly reason: string }
  | { readonly type: 'error'; readonly code: string; readonly message: string };

interface KnowledgeDoc {
  readonly title: string;
  readonly version: number;
}
interface Withdrawn extends KnowledgeDoc {
  readonly reason: string;
}

export class CallOutput {
  constructor(
    private readonly json: boolean,
    private readonly write: (text: string) => void,
    private readonly baseUrl: string,
  ) {}

  line(line: CallLine): void {
    this.write(`${this.json ? JSON.stringify(line) : oneLine(readable(line))}\n`);
  }

  /**
   * Why the call failed, to stderr as text; with `--json` stdout gets it too, so a reader of the
   * lines sees why they stopped.
   */
  failure(error: unknown, stderr: (text: string) => void): { code: string; message: string } {
    const { code, message } = describeFailure(error, this.baseUrl);
    stderr(`cli: ${code}: ${message}\n`);
    if (this.json) this.line({ type: 'error', code, message });
    return { code, message };
  }
}

/** A failure as code and message: the server's problem code, or what kept it from answering. */
export function describeFailure(
  error: unknown,
  baseUrl: string,
): { code: string; message: string } {
  if (error instanceof SwitchboardError) return { code: error.code, message: error.message };
  if ((error as { name?: string }).name === 'TimeoutError')
    return { code: 'SWITCHBOARD_TIMEOUT', message: `Switchboard at ${baseUrl} did not answer.` };
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error instanceof TypeError && cause)
    return {
      code: 'SWITCHBOARD_UNREACHABLE',
      message: `Switchboard is not reachable at ${baseUrl} (${cause.code ?? cause.message}).`,
    };
  return { code: 'CALL_FAILED', message: error instanceof Error ? error.message : String(error) };
}

/** Each printed line is one thing: line breaks inside what was said are shown as `\n`. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n');
}

function readable(line: CallLine): string {
  switch (line.type) {
    case 'session':
      return `session: ${line.id} (agent ${line.agent}, ${line.api})`;
    case 'you':
    case 'assistant':
      return `${line.type}: ${line.text}`;
    case 'tool':
      return `tool ${line.tool}: ${[line.outcome, line.code, line.actionId].filter(Boolean).join(' ')}`;
    case 'approval':
      return `approval ${line.actionId}: ${line.status}`;
    case 'knowledge':
      return knowledge(line.given ?? [], line.withdrawn ?? []);
    case 'warning':
      return `warning: ${line.reason}`;
    case 'ended':
      return `ended: ${line.reason}${line.state === 'revoked' ? ' (revoked)' : ''}`;
    case 'error':
      return `error: ${line.code}: ${line.message}`;
  }
}

function knowledge(given: readonly KnowledgeDoc[], withdrawn: readonly Withdrawn[]): string {
  const named = (d: KnowledgeDoc) => `${d.title} v${d.version}`;
  const parts = [];
  if (given.length) parts.push(`knowledge: ${given.map(named).join(', ')}`);
  if (withdrawn.length)
    parts.push(
      `knowledge withdrawn: ${withdrawn.map((d) => `${named(d)} (${d.reason})`).join(', ')}`,
    );
  return parts.join('; ') || 'knowledge: none';
}
