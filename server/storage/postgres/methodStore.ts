import type { ControlState } from '../../../shared/control';
import type { AlarmStatus, PlacementRound, Proposal, RoundStatus } from '../../../shared/method';
import { controlStateSchema } from '../../../shared/schemas';
import { judgeCast, remainingVotes, type VoteSettings } from '../../../shared/voting';
import type {
  AlarmRecord,
  BarrierRecord,
  MethodStore,
  PlacementRecord,
  ProposalRecord,
  VoteOutcome,
  VoteTotals,
} from '../methodStore';
import { changed, type Db, type Tx } from './db';

interface BarrierRow {
  id: string;
  workshop_id: string;
  text: string;
  card_ids_json: string;
  heading: string;
  author_id: string;
  author_name: string;
  merged_into: string | null;
  created_at: number;
}

interface ProposalRow {
  id: string;
  workshop_id: string;
  barrier_id: string | null;
  card_id: string | null;
  text: string;
  kind: Proposal['kind'];
  owner: string;
  due_date: string;
  status: Proposal['status'];
  author_id: string;
  author_name: string;
  created_at: number;
}

interface AlarmRow {
  id: string;
  workshop_id: string;
  target_type: AlarmRecord['targetType'];
  target_id: string;
  reason: string;
  status: AlarmStatus;
  raised_by: string;
  raised_by_name: string;
  created_at: number;
}

interface RoundRow {
  id: string;
  card_ids_json: string;
  mode: PlacementRound['mode'];
  status: RoundStatus;
  created_at: number;
}

const toBarrier = (r: BarrierRow): BarrierRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  text: r.text,
  cardIds: JSON.parse(r.card_ids_json) as string[],
  heading: r.heading,
  authorId: r.author_id,
  authorName: r.author_name,
  mergedInto: r.merged_into,
  createdAt: r.created_at,
  variants: [],
});

const toProposal = (r: ProposalRow): ProposalRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  barrierId: r.barrier_id,
  cardId: r.card_id,
  text: r.text,
  kind: r.kind,
  owner: r.owner,
  dueDate: r.due_date,
  status: r.status,
  authorId: r.author_id,
  authorName: r.author_name,
  createdAt: r.created_at,
});

const toAlarm = (r: AlarmRow): AlarmRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  targetType: r.target_type,
  targetId: r.target_id,
  reason: r.reason,
  status: r.status,
  raisedBy: r.raised_by,
  raisedByName: r.raised_by_name,
  createdAt: r.created_at,
});

const toRound = (r: RoundRow): PlacementRound => ({
  id: r.id,
  cardIds: JSON.parse(r.card_ids_json) as string[],
  mode: r.mode,
  status: r.status,
  createdAt: r.created_at,
});

const LIVE_BARRIER = 'SELECT * FROM barriers WHERE workshop_id = $1 AND id = $2 AND removed = 0 AND merged_into IS NULL';
/** One voter's casts and retractions, on any instance, one at a time. */
const voterLock = (workshopId: string, voterId: string) => `regiebord:voter:${workshopId}:${voterId}`;

/**
 * The PostgreSQL engine of MethodStore. A vote is checked and written in one
 * transaction that holds the voter's lock (so two instances cannot both spend
 * the last vote) and a share lock on the barrier (so it cannot be removed or
 * merged halfway); its opId is written in the same transaction, so a retry
 * counts once.
 */
export class PgMethodStore implements MethodStore {
  constructor(private readonly db: Db) {}

  async loadControl(workshopId: string): Promise<ControlState | undefined> {
    const row = await this.db.one<{ control_json: string | null }>('SELECT control_json FROM workshops WHERE id = $1', [workshopId]);
    if (!row?.control_json) return undefined;
    const parsed = controlStateSchema.safeParse(JSON.parse(row.control_json));
    return parsed.success ? parsed.data : undefined;
  }

  async saveControl(workshopId: string, state: ControlState): Promise<void> {
    await this.db.query('UPDATE workshops SET control_json = $1 WHERE id = $2', [JSON.stringify(state), workshopId]);
  }

  async addBarrier(b: BarrierRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO barriers (id, workshop_id, text, card_ids_json, heading, author_id, author_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [b.id, b.workshopId, b.text, JSON.stringify(b.cardIds), b.heading, b.authorId, b.authorName, b.createdAt],
    );
  }

  async listBarriers(workshopId: string): Promise<BarrierRecord[]> {
    const rows = await this.db.rows<BarrierRow>(
      'SELECT * FROM barriers WHERE workshop_id = $1 AND removed = 0 AND merged_into IS NULL ORDER BY created_at, seq',
      [workshopId],
    );
    // Wordings merged into a live barrier (each one step from it, see mergeBarriers), oldest first.
    const variants = new Map<string, string[]>();
    const merged = await this.db.rows<{ merged_into: string; text: string }>(
      'SELECT merged_into, text FROM barriers WHERE workshop_id = $1 AND merged_into IS NOT NULL AND removed = 0 ORDER BY created_at, seq',
      [workshopId],
    );
    for (const v of merged) variants.set(v.merged_into, [...(variants.get(v.merged_into) ?? []), v.text]);
    return rows.map((r) => ({ ...toBarrier(r), variants: variants.get(r.id) ?? [] }));
  }

  async findBarrier(workshopId: string, id: string): Promise<BarrierRecord | undefined> {
    const row = await this.db.one<BarrierRow>(LIVE_BARRIER, [workshopId, id]);
    return row ? toBarrier(row) : undefined;
  }

  async removeBarrier(workshopId: string, id: string): Promise<boolean> {
    return this.db.tx(async (q) => {
      const done =
        changed(await q.query('UPDATE barriers SET removed = 1 WHERE workshop_id = $1 AND id = $2 AND removed = 0', [workshopId, id])) > 0;
      // Votes on a removed barrier go back to their voters.
      if (done) await q.query('DELETE FROM votes WHERE workshop_id = $1 AND barrier_id = $2', [workshopId, id]);
      return done;
    });
  }

  async mergeBarriers(workshopId: string, sourceId: string, targetId: string): Promise<boolean> {
    if (sourceId === targetId) return false;
    return this.db.tx(async (q) => {
      // Both rows locked, in id order (no deadlock between two merges of the same pair).
      const rows = await q.rows<BarrierRow>(
        `SELECT * FROM barriers WHERE workshop_id = $1 AND id = ANY($2::text[]) AND removed = 0 AND merged_into IS NULL
         ORDER BY id FOR UPDATE`,
        [workshopId, [sourceId, targetId]],
      );
      const source = rows.find((r) => r.id === sourceId);
      const target = rows.find((r) => r.id === targetId);
      if (!source || !target) return false;
      const cards = [...new Set([...toBarrier(target).cardIds, ...toBarrier(source).cardIds])];
      await q.query('UPDATE barriers SET card_ids_json = $1 WHERE workshop_id = $2 AND id = $3', [JSON.stringify(cards), workshopId, targetId]);
      await q.query('UPDATE votes SET barrier_id = $1 WHERE workshop_id = $2 AND barrier_id = $3', [targetId, workshopId, sourceId]);
      // Barriers merged into the source follow it, so every wording stays one step from its live barrier.
      await q.query('UPDATE barriers SET merged_into = $1 WHERE workshop_id = $2 AND merged_into = $3', [targetId, workshopId, sourceId]);
      await q.query('UPDATE barriers SET merged_into = $1 WHERE workshop_id = $2 AND id = $3', [targetId, workshopId, sourceId]);
      return true;
    });
  }

  async setBarrierHeading(workshopId: string, ids: string[], heading: string): Promise<number> {
    return this.db.tx(async (q) => {
      let n = 0;
      for (const id of ids) {
        n += changed(
          await q.query(
            'UPDATE barriers SET heading = $1 WHERE workshop_id = $2 AND id = $3 AND removed = 0 AND merged_into IS NULL',
            [heading, workshopId, id],
          ),
        );
      }
      return n;
    });
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    return (await this.db.one<{ n: number }>(sql, params))!.n;
  }

  async countBarriersBy(workshopId: string, authorId: string): Promise<number> {
    return this.count('SELECT COUNT(*) AS n FROM barriers WHERE workshop_id = $1 AND author_id = $2', [workshopId, authorId]);
  }

  async countProposalsBy(workshopId: string, authorId: string): Promise<number> {
    return this.count('SELECT COUNT(*) AS n FROM proposals WHERE workshop_id = $1 AND author_id = $2', [workshopId, authorId]);
  }

  async countAlarmsBy(workshopId: string, raisedBy: string): Promise<number> {
    return this.count('SELECT COUNT(*) AS n FROM alarms WHERE workshop_id = $1 AND raised_by = $2', [workshopId, raisedBy]);
  }

  private async spent(q: Tx, workshopId: string, voterId: string): Promise<number> {
    return (await q.one<{ n: number }>('SELECT COUNT(*) AS n FROM votes WHERE workshop_id = $1 AND voter_id = $2', [workshopId, voterId]))!.n;
  }

  async castVote(workshopId: string, voterId: string, opId: string, barrierId: string, settings: VoteSettings): Promise<VoteOutcome> {
    // Under the voter's lock, one query reads all the cast needs (few round trips: a vote
    // storm is many of these at once); the barrier row is share-locked so it cannot be
    // removed or merged before the vote is written.
    return this.db.tx(async (q): Promise<VoteOutcome> => {
      const state = (await q.one<{ seen: boolean; live: number; spent: number; on_barrier: number }>(
        `WITH live AS (${LIVE_BARRIER} FOR SHARE)
         SELECT EXISTS (SELECT 1 FROM vote_ops WHERE workshop_id = $1 AND voter_id = $3 AND op_id = $4) AS seen,
           (SELECT COUNT(*) FROM live) AS live,
           (SELECT COUNT(*) FROM votes WHERE workshop_id = $1 AND voter_id = $3) AS spent,
           (SELECT COUNT(*) FROM votes WHERE workshop_id = $1 AND voter_id = $3 AND barrier_id = $2) AS on_barrier`,
        [workshopId, barrierId, voterId, opId],
      ))!;
      if (state.seen) return { ok: true, remaining: remainingVotes(settings, state.spent), duplicate: true };
      if (state.live === 0) return { ok: false, code: 'NOT_FOUND' };
      const verdict = judgeCast(settings, state.spent, state.on_barrier);
      if (!verdict.ok) return verdict;
      await q.query(
        `WITH vote AS (INSERT INTO votes (workshop_id, voter_id, barrier_id, created_at) VALUES ($1, $2, $3, $4))
         INSERT INTO vote_ops (workshop_id, voter_id, op_id, kind, barrier_id) VALUES ($1, $2, $5, 'cast', $3)`,
        [workshopId, voterId, barrierId, Date.now(), opId],
      );
      return { ok: true, remaining: remainingVotes(settings, state.spent + 1), duplicate: false };
    }, voterLock(workshopId, voterId));
  }

  async retractVote(workshopId: string, voterId: string, opId: string, barrierId: string, settings: VoteSettings): Promise<VoteOutcome> {
    return this.db.tx(async (q): Promise<VoteOutcome> => {
      if (await q.one('SELECT 1 FROM vote_ops WHERE workshop_id = $1 AND voter_id = $2 AND op_id = $3', [workshopId, voterId, opId])) {
        return { ok: true, remaining: remainingVotes(settings, await this.spent(q, workshopId, voterId)), duplicate: true };
      }
      const vote = await q.one<{ id: number }>(
        'SELECT id FROM votes WHERE workshop_id = $1 AND voter_id = $2 AND barrier_id = $3 ORDER BY id DESC LIMIT 1',
        [workshopId, voterId, barrierId],
      );
      if (!vote) return { ok: false, code: 'NO_VOTE_TO_RETRACT' };
      await q.query(
        `WITH gone AS (DELETE FROM votes WHERE id = $5)
         INSERT INTO vote_ops (workshop_id, voter_id, op_id, kind, barrier_id) VALUES ($1, $2, $3, 'retract', $4)`,
        [workshopId, voterId, opId, barrierId, vote.id],
      );
      return { ok: true, remaining: remainingVotes(settings, await this.spent(q, workshopId, voterId)), duplicate: false };
    }, voterLock(workshopId, voterId));
  }

  async voteTotals(workshopId: string): Promise<VoteTotals> {
    // One statement, so one consistent snapshot for both counts.
    const rows = await this.db.rows<{ barrier_id: string | null; n: number; voters: number }>(
      `SELECT v.barrier_id AS barrier_id, COUNT(*) AS n, 0 AS voters FROM votes v
       JOIN barriers b ON b.id = v.barrier_id AND b.removed = 0 AND b.merged_into IS NULL
       WHERE v.workshop_id = $1 GROUP BY v.barrier_id
       UNION ALL
       SELECT NULL, 0, COUNT(DISTINCT voter_id) FROM votes WHERE workshop_id = $1`,
      [workshopId],
    );
    const perBarrier = new Map<string, number>();
    let voters = 0;
    for (const r of rows) {
      if (r.barrier_id === null) voters = r.voters;
      else perBarrier.set(r.barrier_id, r.n);
    }
    return { perBarrier, voters, total: [...perBarrier.values()].reduce((s, n) => s + n, 0) };
  }

  async votesOf(workshopId: string, voterId: string): Promise<Map<string, number>> {
    const rows = await this.db.rows<{ barrier_id: string; n: number }>(
      'SELECT barrier_id, COUNT(*) AS n FROM votes WHERE workshop_id = $1 AND voter_id = $2 GROUP BY barrier_id',
      [workshopId, voterId],
    );
    return new Map(rows.map((r) => [r.barrier_id, r.n]));
  }

  async importVotes(workshopId: string, barrierId: string, voterIds: string[], createdAt: number): Promise<void> {
    await this.db.query(
      `INSERT INTO votes (workshop_id, voter_id, barrier_id, created_at)
       SELECT $1, v, $3, $4 FROM unnest($2::text[]) WITH ORDINALITY AS u(v, n) ORDER BY n`,
      [workshopId, voterIds, barrierId, createdAt],
    );
  }

  async addProposal(p: ProposalRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO proposals (id, workshop_id, barrier_id, card_id, text, kind, owner, due_date, status, author_id, author_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [p.id, p.workshopId, p.barrierId, p.cardId, p.text, p.kind, p.owner, p.dueDate, p.status, p.authorId, p.authorName, p.createdAt],
    );
  }

  async listProposals(workshopId: string): Promise<ProposalRecord[]> {
    const rows = await this.db.rows<ProposalRow>('SELECT * FROM proposals WHERE workshop_id = $1 AND removed = 0 ORDER BY created_at, seq', [workshopId]);
    return rows.map(toProposal);
  }

  async findProposal(workshopId: string, id: string): Promise<ProposalRecord | undefined> {
    const row = await this.db.one<ProposalRow>('SELECT * FROM proposals WHERE workshop_id = $1 AND id = $2 AND removed = 0', [workshopId, id]);
    return row ? toProposal(row) : undefined;
  }

  async updateProposal(
    workshopId: string,
    id: string,
    fields: Partial<Pick<Proposal, 'text' | 'kind' | 'owner' | 'dueDate' | 'status'>>,
  ): Promise<boolean> {
    const columns: Record<string, string> = { text: 'text', kind: 'kind', owner: 'owner', dueDate: 'due_date', status: 'status' };
    const sets: string[] = [];
    const values: string[] = [];
    for (const [key, column] of Object.entries(columns)) {
      const value = fields[key as keyof typeof fields];
      if (value === undefined) continue;
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    }
    if (sets.length === 0) return Boolean(await this.findProposal(workshopId, id));
    const sql = `UPDATE proposals SET ${sets.join(', ')} WHERE workshop_id = $${values.length + 1} AND id = $${values.length + 2} AND removed = 0`;
    return changed(await this.db.query(sql, [...values, workshopId, id])) > 0;
  }

  async removeProposal(workshopId: string, id: string): Promise<boolean> {
    return changed(await this.db.query('UPDATE proposals SET removed = 1 WHERE workshop_id = $1 AND id = $2 AND removed = 0', [workshopId, id])) > 0;
  }

  async addAlarm(a: AlarmRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO alarms (id, workshop_id, target_type, target_id, reason, status, raised_by, raised_by_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.id, a.workshopId, a.targetType, a.targetId, a.reason, a.status, a.raisedBy, a.raisedByName, a.createdAt],
    );
  }

  async listAlarms(workshopId: string): Promise<AlarmRecord[]> {
    return (await this.db.rows<AlarmRow>('SELECT * FROM alarms WHERE workshop_id = $1 ORDER BY created_at, seq', [workshopId])).map(toAlarm);
  }

  async setAlarmStatus(workshopId: string, id: string, status: AlarmStatus): Promise<boolean> {
    return changed(await this.db.query('UPDATE alarms SET status = $1 WHERE workshop_id = $2 AND id = $3', [status, workshopId, id])) > 0;
  }

  async createRound(workshopId: string, round: PlacementRound): Promise<void> {
    await this.db.tx(async (q) => {
      // One round at a time: starting a new one closes the previous.
      await q.lock(`regiebord:rounds:${workshopId}`);
      await q.query("UPDATE placement_rounds SET status = 'closed' WHERE workshop_id = $1 AND status != 'closed'", [workshopId]);
      await q.query(
        'INSERT INTO placement_rounds (id, workshop_id, card_ids_json, mode, status, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [round.id, workshopId, JSON.stringify(round.cardIds), round.mode, round.status, round.createdAt],
      );
    });
  }

  async listRounds(workshopId: string): Promise<PlacementRound[]> {
    return (await this.db.rows<RoundRow>('SELECT * FROM placement_rounds WHERE workshop_id = $1 ORDER BY created_at, seq', [workshopId])).map(toRound);
  }

  async activeRound(workshopId: string): Promise<PlacementRound | undefined> {
    const row = await this.db.one<RoundRow>(
      "SELECT * FROM placement_rounds WHERE workshop_id = $1 AND status != 'closed' ORDER BY created_at DESC LIMIT 1",
      [workshopId],
    );
    return row ? toRound(row) : undefined;
  }

  async findRound(workshopId: string, id: string): Promise<PlacementRound | undefined> {
    const row = await this.db.one<RoundRow>('SELECT * FROM placement_rounds WHERE workshop_id = $1 AND id = $2', [workshopId, id]);
    return row ? toRound(row) : undefined;
  }

  async setRoundStatus(workshopId: string, id: string, status: RoundStatus): Promise<boolean> {
    return changed(await this.db.query('UPDATE placement_rounds SET status = $1 WHERE workshop_id = $2 AND id = $3', [status, workshopId, id])) > 0;
  }

  async setPlacement(roundId: string, p: PlacementRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO placements (round_id, participant_id, card_id, x, y) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (round_id, participant_id, card_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
      [roundId, p.participantId, p.cardId, p.x, p.y],
    );
  }

  async placementsOf(roundId: string): Promise<PlacementRecord[]> {
    const rows = await this.db.rows<{ participant_id: string; card_id: string; x: number; y: number }>(
      'SELECT participant_id, card_id, x, y FROM placements WHERE round_id = $1 ORDER BY participant_id COLLATE "C", card_id COLLATE "C"',
      [roundId],
    );
    return rows.map((r) => ({ participantId: r.participant_id, cardId: r.card_id, x: r.x, y: r.y }));
  }

  async removeParticipant(workshopId: string, participantId: string): Promise<boolean> {
    return (
      changed(await this.db.query('UPDATE participants SET removed = 1 WHERE workshop_id = $1 AND id = $2 AND removed = 0', [workshopId, participantId])) > 0
    );
  }

  async listParticipants(workshopId: string): Promise<{ id: string; name: string; removed: boolean }[]> {
    const rows = await this.db.rows<{ id: string; name: string; removed: number }>(
      'SELECT id, name, removed FROM participants WHERE workshop_id = $1 ORDER BY created_at, seq',
      [workshopId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, removed: r.removed !== 0 }));
  }
}
