/**
 * The knowledge store. Sources carry the tenant, the roles that may read them and the freshness
 * rules; documents are versioned (the visible version is `current_version`, switched in one
 * statement, so callers see the old text or the new, never both or neither); chunks hold one
 * passage each with its vector and full-text document; jobs are the durable ingestion queue.
 *
 * `embedding` is a dimensionless `vector` on purpose: each embedding model gets a partial HNSW
 * index over `embedding::vector(N)` for its own rows, so a model change can re-embed beside the old
 * vectors and switch over atomically, and a query can never compare vectors of two models. The
 * index for the built-in model is made here; `KnowledgeChunksRepository.ensureVectorIndex` makes
 * one for any other model the first time it is used.
 */ export class CreateKnowledge1796300000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE knowledge_sources (
        id                     text PRIMARY KEY,
        tenant_id              text,
        name                   text NOT NULL,
        allowed_roles          text[] NOT NULL CHECK (cardinality(allowed_roles) > 0),
        max_age_days           integer CHECK (max_age_days > 0),
        review_every_days      integer CHECK (review_every_days > 0),
        review_overdue         text NOT NULL DEFAULT 'exclude'
                                 CHECK (review_overdue IN ('exclude', 'allow')),
        trust_tier             text NOT NULL DEFAULT 'standard'
                                 CHECK (trust_tier IN ('authoritative', 'standard', 'community')),
        recency_half_life_days integer CHECK (recency_half_life_days > 0),
        created_by             text NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now()
      )`);
        await queryRunner.query(`CREATE UNIQUE INDEX knowledge_sources_name_key
         ON knowledge_sources (COALESCE(tenant_id, ''), lower(name))`);
        await queryRunner.query(`
      CREATE TABLE knowledge_documents (
        id                text PRIMARY KEY,
        source_id         text NOT NULL REFERENCES knowledge_sources (id) ON DELETE CASCADE,
        title             text NOT NULL,
        current_version   integer,
        latest_version    integer NOT NULL DEFAULT 0,
        retracted_at      timestamptz,
        retracted_by      text,
        retraction_reason text,
        created_by        text NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
        await queryRunner.query(`CREATE INDEX knowledge_documents_source_idx ON knowledge_documents (source_id, created_at, id)`);
        await queryRunner.query(`
      CREATE TABLE knowledge_document_versions (
        document_id    text NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
        version        integer NOT NULL CHECK (version >= 1),
        title          text NOT NULL,
        format         text NOT NULL CHECK (format IN ('markdown', 'text', 'html', 'pdf')),
        byte_size      integer NOT NULL,
        content_sha256 text NOT NULL,
        pages          integer,
        blocks         jsonb NOT NULL,
        valid_from     timestamptz,
        valid_until    timestamptz,
        review_by      timestamptz,
        reviewed_at    timestamptz,
        reviewed_by    text,
        status         text NOT NULL DEFAULT 'processing'
                         CHECK (status IN ('processing', 'ready', 'failed', 'superseded')),
        chunk_count    integer NOT NULL DEFAULT 0,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        ready_at       timestamptz,
        superseded_at  timestamptz,
        PRIMARY KEY (document_id, version),
        CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from)
      )`);
        await queryRunner.query(`
      CREATE TABLE knowledge_embedding_models (
        model_id     text PRIMARY KEY,
        dimension    integer NOT NULL CHECK (dimension > 0),
        status       text NOT NULL CHECK (status IN ('active', 'building', 'retired')),
        created_at   timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        retired_at   timestamptz
      )`);
        await queryRunner.query(`CREATE UNIQUE INDEX knowledge_embedding_models_one_active
         ON knowledge_embedding_models (status) WHERE status = 'active'`);
        await queryRunner.query(`
      CREATE TABLE knowledge_chunks (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document_id  text NOT NULL,
        version      integer NOT NULL,
        source_id    text NOT NULL REFERENCES knowledge_sources (id) ON DELETE CASCADE,
        tenant_id    text,
        model_id     text NOT NULL,
        dimension    integer NOT NULL,
        chunk_index  integer NOT NULL,
        heading_path text[] NOT NULL,
        text         text NOT NULL,
        page         integer,
        token_count  integer NOT NULL,
        embedding    vector NOT NULL,
        tsv          tsvector NOT NULL,
        FOREIGN KEY (document_id, version)
          REFERENCES knowledge_document_versions (document_id, version) ON DELETE CASCADE,
        UNIQUE (document_id, version, model_id, chunk_index)
      )`);
        await queryRunner.query(`
      CREATE INDEX knowledge_chunks_hnsw_builtin ON knowledge_chunks
        USING hnsw ((embedding::vector(384)) vector_cosine_ops)
        WHERE model_id = 'Xenova/all-MiniLM-L6-v2'`);
        await queryRunner.query(`CREATE INDEX knowledge_chunks_tsv_idx ON knowledge_chunks USING gin (tsv)`);
        await queryRunner.query(`CREATE INDEX knowledge_chunks_tenant_idx ON knowledge_chunks (model_id, tenant_id, source_id)`);
        await queryRunner.query(`
      CREATE TABLE knowledge_jobs (
        id               text PRIMARY KEY,
        kind             text NOT NULL CHECK (kind IN ('ingest', 'reembed')),
        document_id      text NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
        version          integer NOT NULL,
        model_id         text NOT NULL,
        status           text NOT NULL DEFAULT 'queued'
                           CHECK (status IN ('queued', 'extracting', 'embedding', 'ready', 'failed')),
        done             integer NOT NULL DEFAULT 0,
        total            integer,
        error            jsonb,
        attempts         integer NOT NULL DEFAULT 0,
        claimed_by       text,
        lease_expires_at timestamptz,
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        finished_at      timestamptz,
        FOREIGN KEY (document_id, version)
          REFERENCES knowledge_document_versions (document_id, version) ON DELETE CASCADE
      )`);
        // At most one unfinished job per document and model: one worker writes a document's chunks.
        await queryRunner.query(`
      CREATE UNIQUE INDEX knowledge_jobs_one_open_per_document
        ON knowledge_jobs (document_id, model_id) WHERE status NOT IN ('ready', 'failed')`);
        await queryRunner.query(`CREATE INDEX knowledge_jobs_queue_idx ON knowledge_jobs (status, created_at, id)`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TABLE knowledge_jobs, knowledge_chunks, knowledge_embedding_models,
         knowledge_document_versions, knowledge_documents, knowledge_sources`);
    }
    constructor(){
        this.name = 'CreateKnowledge1796300000000';
    }
}

//# sourceMappingURL=1796300000000-CreateKnowledge.js.map