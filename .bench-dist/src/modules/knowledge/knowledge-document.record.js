export function versionView(row) {
    return {
        version: row.version,
        title: row.title,
        format: row.format,
        status: row.status,
        byteSize: row.byte_size,
        sha256: row.content_sha256,
        pages: row.pages,
        chunks: row.chunk_count,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        reviewBy: row.review_by,
        reviewedAt: row.reviewed_at,
        reviewedBy: row.reviewed_by,
        createdBy: row.created_by,
        createdAt: row.created_at,
        readyAt: row.ready_at,
        supersededAt: row.superseded_at
    };
}
export function documentView(row) {
    return {
        id: row.id,
        sourceId: row.source_id,
        title: row.title,
        currentVersion: row.current_version,
        latestVersion: row.latest_version,
        retractedAt: row.retracted_at,
        retractedBy: row.retracted_by,
        retractionReason: row.retraction_reason,
        createdBy: row.created_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at
    };
}

//# sourceMappingURL=knowledge-document.record.js.map