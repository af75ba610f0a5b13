/**
 * Codes the grounding module puts in front of the model (never an HTTP answer): the
 * `function_call_output` a withdrawn `search_knowledge` result is replaced with.
 */
export const GROUNDING_ERROR_CODES = ['KNOWLEDGE_WITHDRAWN'] as const;

/** What a withdrawn `search_knowledge` result is replaced with. */
export const WITHDRAWN_OUTPUT = {
  ok: false,
  error: {
    code: 'KNOWLEDGE_WITHDRAWN' satisfies (typeof GROUNDING_ERROR_CODES)[number],
    message: 'This result is no longer current and was withdrawn; do not rely on it.',
  },
} as const;
