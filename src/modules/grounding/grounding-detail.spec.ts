import { groundedTurns } from './grounding-detail.js';
import type { GroundingRow } from './session-groundings.repository.js';

const row = (over: Partial<GroundingRow>): GroundingRow => ({
  id: 'grd_1',
  sessionId: 'ses_1',
  callId: 'rtc_1',
  kind: 'injection',
  mode: 'transcript',
  turnId: 'item_a',
  itemId: 'sb_x',
  queryText: 'returns?',
  chunks: [],
  digest: 'd',
  createdAt: new Date(1000),
  withdrawnAt: null,
  withdrawn: null,
  ...over,
});
const chunk = (chunkId: string, documentId: string, version: number) => ({
  chunkId,
  sourceId: 'src_1',
  documentId,
  version,
  title: documentId.toUpperCase(),
  digest: chunkId,
});

describe(groundedTurns.name, () => {
  it('numbers turns in order, groups each block by document version, and says what was withdrawn', () => {
    const turns = groundedTurns([
      row({
        id: 'grd_1',
        chunks: [chunk('1', 'doc_a', 2), chunk('2', 'doc_a', 2), chunk('3', 'doc_b', 1)],
      }),
      row({
        id: 'grd_2',
        turnId: 'call_9',
        kind: 'tool_result',
        mode: null,
        itemId: null,
        chunks: [chunk('4', 'doc_b', 1)],
      }),
      row({
        id: 'grd_3',
        chunks: [chunk('5', 'doc_c', 1)],
        withdrawnAt: new Date(2000),
        withdrawn: [{ documentId: 'doc_c', version: 1, title: 'C', reason: 'retracted' }],
      }),
    ]);
    expect(turns.map((t) => [t.turn, t.turnId, t.given.map((g) => g.groundingId)])).toEqual([
      [1, 'item_a', ['grd_1', 'grd_3']],
      [2, 'call_9', ['grd_2']],
    ]);
    expect(turns[0].given[0].documents).toEqual([
      { documentId: 'doc_a', version: 2, title: 'DOC_A', chunkIds: ['1', '2'] },
      { documentId: 'doc_b', version: 1, title: 'DOC_B', chunkIds: ['3'] },
    ]);
    expect(turns[0].given[1].withdrawn).toEqual({
      at: new Date(2000),
      versions: [{ documentId: 'doc_c', version: 1, title: 'C', reason: 'retracted' }],
    });
    expect(turns[0].given[0].withdrawn).toBeNull();
  });
});
