import type Database from 'better-sqlite3';
import type { ControlState } from '../../shared/control';
import { controlStateSchema } from '../../shared/schemas';
import { judgeCast, remainingVotes, type VoteSettings } from '../../shared/voting';
import type { AlarmStatus, PlacementRound, Proposal, RoundStatus } from '../../shared/method';
import type {
  AlarmRecord,
  BarrierRecord,
  MethodStore,
  PlacementRecord,
  ProposalRecord,
  VoteOutcome,
  VoteTotals,
} from './methodStore';

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

/** The SQLite engine of MethodStore. better-sqlite3 transactions are synchronous, hence atomic. */
export class SqliteMethodStore implements MethodStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      loadControl: db.prepare('SELECT control_json FROM workshops WHERE id = ?'),
      saveControl: db.prepare('UPDATE workshops SET control_json = ? WHERE id = ?'),
      insertBarrier: db.prepare(
        `INSERT INTO barriers (id, workshop_id, text, card_ids_json, heading, author_id, author_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      liveBarriers: db.prepare(
        'SELECT * FROM barriers WHERE workshop_id = ? AND removed = 0 AND merged_into IS NULL ORDER BY created_at, rowid',
      ),
      liveBarrier: db.prepare(
        'SELECT * FROM barriers WHERE workshop_id = ? AND id = ? AND removed = 0 AND merged_into IS NULL',
      ),
      removeBarrier: db.prepare('UPDATE barriers SET removed = 1 WHERE workshop_id = ? AND id = ? AND removed = 0'),
      deleteVotesOn: db.prepare('DELETE FROM votes WHERE workshop_id = ? AND barrier_id = ?'),
      mergeBarrier: db.prepare('UPDATE barriers SET merged_into = ? WHERE workshop_id = ? AND id = ?'),
      // Barriers merged into the source follow it, so every wording stays one step from its live barrier.
      mergeVariants: db.prepare('UPDATE barriers SET merged_into = ? WHERE workshop_id = ? AND merged_into = ?'),
      variants: db.prepare(
        'SELECT merged_into, text FROM barriers WHERE workshop_id = ? AND merged_into IS NOT NULL AND removed = 0 ORDER BY created_at, rowid',
      ),
      setBarrierCards: db.prepare('UPDATE barriers SET card_ids_json = ? WHERE workshop_id = ? AND id = ?'),
      moveVotes: db.prepare('UPDATE votes SET barrier_id = ? WHERE workshop_id = ? AND barrier_id = ?'),
      setHeading: db.prepare(
        'UPDATE barriers SET heading = ? WHERE workshop_id = ? AND id = ? AND removed = 0 AND merged_into IS NULL',
      ),
      countBarriersBy: db.prepare('SELECT COUNT(*) AS n FROM barriers WHERE workshop_id = ? AND author_id = ?'),
      countProposalsBy: db.prepare('SELECT COUNT(*) AS n FROM proposals WHERE workshop_id = ? AND author_id = ?'),
      countAlarmsBy: db.prepare('SELECT COUNT(*) AS n FROM alarms WHERE workshop_id = ? AND raised_by = ?'),
      findOp: db.prepare('SELECT kind FROM vote_ops WHERE workshop_id = ? AND voter_id = ? AND op_id = ?'),
      insertOp: db.prepare(
        'INSERT INTO vote_ops (workshop_id, voter_id, op_id, kind, barrier_id) VALUES (?, ?, ?, ?, ?)',
      ),
      spentBy: db.prepare('SELECT COUNT(*) AS n FROM votes WHERE workshop_id = ? AND voter_id = ?'),
      spentOn: db.prepare('SELECT COUNT(*) AS n FROM votes WHERE workshop_id = ? AND voter_id = ? AND barrier_id = ?'),
      insertVote: db.prepare('INSERT INTO votes (workshop_id, voter_id, barrier_id, created_at) VALUES (?, ?, ?, ?)'),
      lastVoteOn: db.prepare(
        'SELECT id FROM votes WHERE workshop_id = ? AND voter_id = ? AND barrier_id = ? ORDER BY id DESC LIMIT 1',
      ),
      deleteVote: db.prepare('DELETE FROM votes WHERE id = ?'),
      totals: db.prepare(
        `SELECT v.barrier_id AS barrier_id, COUNT(*) AS n FROM votes v
         JOIN barriers b ON b.id = v.barrier_id AND b.removed = 0 AND b.merged_into IS NULL
         WHERE v.workshop_id = ? GROUP BY v.barrier_id`,
      ),
      voters: db.prepare('SELECT COUNT(DISTINCT voter_id) AS n FROM votes WHERE workshop_id = ?'),
      votesOf: db.prepare(
        'SELECT barrier_id, COUNT(*) AS n FROM votes WHERE workshop_id = ? AND voter_id = ? GROUP BY barrier_id',
      ),
      insertProposal: db.prepare(
        `INSERT INTO proposals (id, workshop_id, barrier_id, card_id, text, kind, owner, due_date, status, author_id, author_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      proposals: db.prepare('SELECT * FROM proposals WHERE workshop_id = ? AND removed = 0 ORDER BY created_at, rowid'),
      proposal: db.prepare('SELECT * FROM proposals WHERE workshop_id = ? AND id = ? AND removed = 0'),
      removeProposal: db.prepare('UPDATE proposals SET removed = 1 WHERE workshop_id = ? AND id = ? AND removed = 0'),
      insertAlarm: db.prepare(
        `INSERT INTO alarms (id, workshop_id, target_type, target_id, reason, status, raised_by, raised_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      alarms: db.prepare('SELECT * FROM alarms WHERE workshop_id = ? ORDER BY created_at, rowid'),
      setAlarm: db.prepare('UPDATE alarms SET status = ? WHERE workshop_id = ? AND id = ?'),
      insertRound: db.prepare(
        'INSERT INTO placement_rounds (id, workshop_id, card_ids_json, mode, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      activeRound: db.prepare(
        "SELECT * FROM placement_rounds WHERE workshop_id = ? AND status != 'closed' ORDER BY created_at DESC LIMIT 1",
      ),
      round: db.prepare('SELECT * FROM placement_rounds WHERE workshop_id = ? AND id = ?'),
      rounds: db.prepare('SELECT * FROM placement_rounds WHERE workshop_id = ? ORDER BY created_at, rowid'),
      setRound: db.prepare('UPDATE placement_rounds SET status = ? WHERE workshop_id = ? AND id = ?'),
      closeRounds: db.prepare("UPDATE placement_rounds SET status = 'closed' WHERE workshop_id = ? AND status != 'closed'"),
      upsertPlacement: db.prepare(
        `INSERT INTO placements (round_id, participant_id, card_id, x, y) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(round_id, participant_id, card_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
      ),
      placements: db.prepare('SELECT participant_id, card_id, x, y FROM placements WHERE round_id = ?'),
      removeParticipant: db.prepare('UPDATE participants SET removed = 1 WHERE workshop_id = ? AND id = ? AND removed = 0'),
      participants: db.prepare('SELECT id, name, removed FROM participants WHERE workshop_id = ? ORDER BY created_at, rowid'),
    };
  }

  async loadControl(workshopId: string): Promise<ControlState | undefined> {
    const row = this.q.loadControl.get(workshopId) as { control_json: string | null } | undefined;
    if (!row?.control_json) return undefined;
    const parsed = controlStateSchema.safeParse(JSON.parse(row.control_json));
    return parsed.success ? parsed.data : undefined;
  }

  async saveControl(workshopId: string, state: ControlState): Promise<void> {
    this.q.saveControl.run(JSON.stringify(state), workshopId);
  }

  async addBarrier(b: BarrierRecord): Promise<void> {
    this.q.insertBarrier.run(b.id, b.workshopId, b.text, JSON.stringify(b.cardIds), b.heading, b.authorId, b.authorName, b.createdAt);
  }

  async listBarriers(workshopId: string): Promise<BarrierRecord[]> {
    const variants = new Map<string, string[]>();
    for (const v of this.q.variants.all(workshopId) as { merged_into: string; text: string }[]) {
      variants.set(v.merged_into, [...(variants.get(v.merged_into) ?? []), v.text]);
    }
    return (this.q.liveBarriers.all(workshopId) as BarrierRow[]).map((r) => ({ ...toBarrier(r), variants: variants.get(r.id) ?? [] }));
  }

  async findBarrier(workshopId: string, id: string): Promise<BarrierRecord | undefined> {
    const row = this.q.liveBarrier.get(workshopId, id) as BarrierRow | undefined;
    return row ? toBarrier(row) : undefined;
  }

  async removeBarrier(workshopId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.q.removeBarrier.run(workshopId, id).changes > 0;
      // Votes on a removed barrier go back to their voters.
      if (changed) this.q.deleteVotesOn.run(workshopId, id);
      return changed;
    }).immediate();
  }

  async mergeBarriers(workshopId: string, sourceId: string, targetId: string): Promise<boolean> {
    if (sourceId === targetId) return false;
    return this.db.transaction(() => {
      const source = this.q.liveBarrier.get(workshopId, sourceId) as BarrierRow | undefined;
      const target = this.q.liveBarrier.get(workshopId, targetId) as BarrierRow | undefined;
      if (!source || !target) return false;
      const cards = [...new Set([...toBarrier(target).cardIds, ...toBarrier(source).cardIds])];
      this.q.setBarrierCards.run(JSON.stringify(cards), workshopId, targetId);
      this.q.moveVotes.run(targetId, workshopId, sourceId);
      this.q.mergeVariants.run(targetId, workshopId, sourceId);
      this.q.mergeBarrier.run(targetId, workshopId, sourceId);
      return true;
    }).immediate();
  }

  async setBarrierHeading(workshopId: string, ids: string[], heading: string): Promise<number> {
    return this.db.transaction(() => ids.reduce((n, id) => n + this.q.setHeading.run(heading, workshopId, id).changes, 0)).immediate();
  }

  async countBarriersBy(workshopId: string, authorId: string): Promise<number> {
    return (this.q.countBarriersBy.get(workshopId, authorId) as { n: number }).n;
  }

  async countProposalsBy(workshopId: string, authorId: string): Promise<number> {
    return (this.q.countProposalsBy.get(workshopId, authorId) as { n: number }).n;
  }

  async countAlarmsBy(workshopId: string, raisedBy: string): Promise<number> {
    return (this.q.countAlarmsBy.get(workshopId, raisedBy) as { n: number }).n;
  }

  private spent(workshopId: string, voterId: string): number {
    return (this.q.spentBy.get(workshopId, voterId) as { n: number }).n;
  }

  async castVote(workshopId: string, voterId: string, opId: string, barrierId: string, settings: VoteSettings): Promise<VoteOutcome> {
    return this.db.transaction((): VoteOutcome => {
      if (this.q.findOp.get(workshopId, voterId, opId)) {
        return { ok: true, remaining: remainingVotes(settings, this.spent(workshopId, voterId)), duplicate: true };
      }
      if (!this.q.liveBarrier.get(workshopId, barrierId)) return { ok: false, code: 'NOT_FOUND' };
      const spent = this.spent(workshopId, voterId);
      const onBarrier = (this.q.spentOn.get(workshopId, voterId, barrierId) as { n: number }).n;
      const verdict = judgeCast(settings, spent, onBarrier);
      if (!verdict.ok) return verdict;
      this.q.insertVote.run(workshopId, voterId, barrierId, Date.now());
      this.q.insertOp.run(workshopId, voterId, opId, 'cast', barrierId);
      return { ok: true, remaining: remainingVotes(settings, spent + 1), duplicate: false };
    }).immediate();
  }

  async retractVote(workshopId: string, voterId: string, opId: string, barrierId: string, settings: VoteSettings): Promise<VoteOutcome> {
    return this.db.transaction((): VoteOutcome => {
      if (this.q.findOp.get(workshopId, voterId, opId)) {
        return { ok: true, remaining: remainingVotes(settings, this.spent(workshopId, voterId)), duplicate: true };
      }
      const vote = this.q.lastVoteOn.get(workshopId, voterId, barrierId) as { id: number } | undefined;
      if (!vote) return { ok: false, code: 'NO_VOTE_TO_RETRACT' };
      this.q.deleteVote.run(vote.id);
      this.q.insertOp.run(workshopId, voterId, opId, 'retract', barrierId);
      return { ok: true, remaining: remainingVotes(settings, this.spent(workshopId, voterId)), duplicate: false };
    }).immediate();
  }

  async voteTotals(workshopId: string): Promise<VoteTotals> {
    const rows = this.q.totals.all(workshopId) as { barrier_id: string; n: number }[];
    const perBarrier = new Map(rows.map((r) => [r.barrier_id, r.n]));
    const voters = (this.q.voters.get(workshopId) as { n: number }).n;
    return { perBarrier, voters, total: rows.reduce((s, r) => s + r.n, 0) };
  }

  async votesOf(workshopId: string, voterId: string): Promise<Map<string, number>> {
    const rows = this.q.votesOf.all(workshopId, voterId) as { barrier_id: string; n: number }[];
    return new Map(rows.map((r) => [r.barrier_id, r.n]));
  }

  async addProposal(p: ProposalRecord): Promise<void> {
    this.q.insertProposal.run(p.id, p.workshopId, p.barrierId, p.cardId, p.text, p.kind, p.owner, p.dueDate, p.status, p.authorId, p.authorName, p.createdAt);
  }

  async listProposals(workshopId: string): Promise<ProposalRecord[]> {
    return (this.q.proposals.all(workshopId) as ProposalRow[]).map(toProposal);
  }

  async findProposal(workshopId: string, id: string): Promise<ProposalRecord | undefined> {
    const row = this.q.proposal.get(workshopId, id) as ProposalRow | undefined;
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
      sets.push(`${column} = ?`);
      values.push(value);
    }
    if (sets.length === 0) return Boolean(await this.findProposal(workshopId, id));
    const sql = `UPDATE proposals SET ${sets.join(', ')} WHERE workshop_id = ? AND id = ? AND removed = 0`;
    return this.db.prepare(sql).run(...values, workshopId, id).changes > 0;
  }

  async removeProposal(workshopId: string, id: string): Promise<boolean> {
    return this.q.removeProposal.run(workshopId, id).changes > 0;
  }

  async addAlarm(a: AlarmRecord): Promise<void> {
    this.q.insertAlarm.run(a.id, a.workshopId, a.targetType, a.targetId, a.reason, a.status, a.raisedBy, a.raisedByName, a.createdAt);
  }

  async listAlarms(workshopId: string): Promise<AlarmRecord[]> {
    return (this.q.alarms.all(workshopId) as AlarmRow[]).map(toAlarm);
  }

  async setAlarmStatus(workshopId: string, id: string, status: AlarmStatus): Promise<boolean> {
    return this.q.setAlarm.run(status, workshopId, id).changes > 0;
  }

  async createRound(workshopId: string, round: PlacementRound): Promise<void> {
    this.db.transaction(() => {
      // One round at a time: starting a new one closes the previous.
      this.q.closeRounds.run(workshopId);
      this.q.insertRound.run(round.id, workshopId, JSON.stringify(round.cardIds), round.mode, round.status, round.createdAt);
    }).immediate();
  }

  async listRounds(workshopId: string): Promise<PlacementRound[]> {
    return (this.q.rounds.all(workshopId) as RoundRow[]).map(toRound);
  }

  async importVotes(workshopId: string, barrierId: string, voterIds: string[], createdAt: number): Promise<void> {
    this.db.transaction(() => {
      for (const voter of voterIds) this.q.insertVote.run(workshopId, voter, barrierId, createdAt);
    }).immediate();
  }

  async activeRound(workshopId: string): Promise<PlacementRound | undefined> {
    const row = this.q.activeRound.get(workshopId) as RoundRow | undefined;
    return row ? toRound(row) : undefined;
  }

  async findRound(workshopId: string, id: string): Promise<PlacementRound | undefined> {
    const row = this.q.round.get(workshopId, id) as RoundRow | undefined;
    return row ? toRound(row) : undefined;
  }

  async setRoundStatus(workshopId: string, id: string, status: RoundStatus): Promise<boolean> {
    return this.q.setRound.run(status, workshopId, id).changes > 0;
  }

  async setPlacement(roundId: string, p: PlacementRecord): Promise<void> {
    this.q.upsertPlacement.run(roundId, p.participantId, p.cardId, p.x, p.y);
  }

  async placementsOf(roundId: string): Promise<PlacementRecord[]> {
    const rows = this.q.placements.all(roundId) as { participant_id: string; card_id: string; x: number; y: number }[];
    return rows.map((r) => ({ participantId: r.participant_id, cardId: r.card_id, x: r.x, y: r.y }));
  }

  async removeParticipant(workshopId: string, participantId: string): Promise<boolean> {
    return this.q.removeParticipant.run(workshopId, participantId).changes > 0;
  }

  async listParticipants(workshopId: string): Promise<{ id: string; name: string; removed: boolean }[]> {
    const rows = this.q.participants.all(workshopId) as { id: string; name: string; removed: number }[];
    return rows.map((r) => ({ id: r.id, name: r.name, removed: r.removed !== 0 }));
  }
}
