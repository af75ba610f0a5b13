/**
 * Sent (on commit, to every replica) when text callers could read may have stopped being
 * readable: a version superseded, a document retracted, a source's roles or rules changed. Live
 * calls that were given such text check it at once rather than at their next periodic check.
 */
export const KNOWLEDGE_CHANGED = 'knowledge_changed' as const;

export interface KnowledgeChangedNotice {
  readonly why: 'version_published' | 'document_retracted' | 'source_updated';
  /** The document or source it happened to. */
  readonly subject: string;
}

declare module '../../database/database-notifications.js' {
  interface NotificationChannels {
    knowledge_changed: KnowledgeChangedNotice;
  }
}
