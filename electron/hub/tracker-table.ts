import type Database from 'better-sqlite3-multiple-ciphers'
import { ACTION_STATUSES, type ActionStatus } from '../../shared/plan/fields'
import { textMatches, trackerOrder, type TrackedAction, type TrackerFilter, type TrackerRow } from '../../shared/tracker'
import { isOverdue } from '../../shared/plan/read'

/**
 * The action tracker's table: one row per action on every plan (shared/tracker.ts says what the rows
 * are), and per plan the stored update its rows reflect, so rows left behind by a crash are found
 * and rebuilt at the next start. It is derived data: dropping it loses nothing.
 */

/** The schema step that adds the tracker (store.ts applies it as a migration). */
export const TRACKER_SCHEMA = `
  CREATE TABLE tracker_actions (
    doc_id             TEXT NOT NULL,
    action_id          TEXT NOT NULL,
    plan_title         TEXT NOT NULL,
    goal_text          TEXT NOT NULL,
    what               TEXT NOT NULL,
    owner_name         TEXT NOT NULL,
    owner_relationship TEXT NOT NULL,
    agency             TEXT NOT NULL,
    status             TEXT NOT NULL,
    due_date           TEXT NOT NULL,
    review_date        TEXT NOT NULL,
    PRIMARY KEY (doc_id, action_id)
  );
  CREATE INDEX tracker_by_due ON tracker_actions(due_date);
  CREATE TABLE tracker_plans (
    doc_id TEXT PRIMARY KEY,
    seq    INTEGER NOT NULL
  );`

interface Row {
  doc_id: string
  action_id: string
  plan_title: string
  goal_text: string
  what: string
  owner_name: string
  owner_relationship: string
  agency: string
  status: string
  due_date: string
  review_date: string
}

function fromRow(row: Row): TrackerRow {
  return {
    docId: row.doc_id,
    actionId: row.action_id,
    planTitle: row.plan_title,
    goalText: row.goal_text,
    what: row.what,
    ownerName: row.owner_name,
    ownerRelationship: row.owner_relationship,
    agency: row.agency,
    status: (ACTION_STATUSES as readonly string[]).includes(row.status) ? (row.status as ActionStatus) : 'not-started',
    dueDate: row.due_date,
    reviewDate: row.review_date,
  }
}

/**
 * The filters, run inside the query through the same rules as everywhere else (shared/tracker.ts).
 * An overdue action is due before today, whatever else the rule says: SQLite checks that first, so
 * the rule itself runs only on the rows that could pass it.
 */
const FILTERS = `(@status IS NULL OR status = @status)
  AND (@dueBy IS NULL OR due_date <= @dueBy)
  AND (@owner IS NULL OR rt_text_matches(owner_name, @owner))
  AND (@agency IS NULL OR rt_text_matches(agency, @agency))
  AND (@person IS NULL OR rt_text_matches(plan_title, @person))
  AND (@overdueOnly = 0 OR (due_date < @today AND rt_overdue(due_date, status, @today)))`

export class TrackerTable {
  private readonly statements
  private readonly replaceInTransaction: (docId: string, rows: readonly TrackerRow[], seq: number) => void

  constructor(private readonly db: Database.Database) {
    // The filters run inside the query, through the same rules as everywhere else (shared/), so
    // only matching rows are ever read out of SQLite.
    db.function('rt_text_matches', { deterministic: true }, (haystack: unknown, needle: unknown) => (textMatches(String(haystack), String(needle)) ? 1 : 0))
    db.function('rt_overdue', { deterministic: true }, (dueDate: unknown, status: unknown, today: unknown) =>
      isOverdue({ dueDate: String(dueDate), status: String(status) as ActionStatus }, String(today)) ? 1 : 0,
    )
    this.statements = {
      deletePlan: db.prepare('DELETE FROM tracker_actions WHERE doc_id = ?'),
      insert: db.prepare(
        `INSERT INTO tracker_actions (doc_id, action_id, plan_title, goal_text, what, owner_name, owner_relationship, agency, status, due_date, review_date)
         VALUES (@docId, @actionId, @planTitle, @goalText, @what, @ownerName, @ownerRelationship, @agency, @status, @dueDate, @reviewDate)`,
      ),
      markPlan: db.prepare('INSERT INTO tracker_plans (doc_id, seq) VALUES (?, ?) ON CONFLICT(doc_id) DO UPDATE SET seq = excluded.seq'),
      count: db.prepare(`SELECT COUNT(*) AS total FROM tracker_actions WHERE ${FILTERS}`),
      // Overdue first, then soonest due: the first keys of trackerOrder, which are ASCII (a flag and
      // an ISO date), so SQLite's order is JavaScript's. The rest of the order is settled in query().
      head: db.prepare(
        `SELECT *, rt_overdue(due_date, status, @today) AS overdue_flag FROM tracker_actions WHERE ${FILTERS}
         ORDER BY overdue_flag DESC, due_date ASC LIMIT @limit`,
      ),
      tiedWith: db.prepare(
        `SELECT * FROM tracker_actions WHERE ${FILTERS} AND rt_overdue(due_date, status, @today) = @tiedOverdue AND due_date = @tiedDue`,
      ),
      forPlan: db.prepare('SELECT * FROM tracker_actions WHERE doc_id = ? ORDER BY action_id'),
      stalePlans: db.prepare(
        `SELECT d.doc_id AS doc_id, MAX(d.snapshot_seq, COALESCE((SELECT MAX(u.seq) FROM updates u WHERE u.doc_id = d.doc_id), 0)) AS seq
         FROM documents d LEFT JOIN tracker_plans t ON t.doc_id = d.doc_id
         WHERE d.kind = 'plan' AND (t.seq IS NULL OR t.seq <> MAX(d.snapshot_seq, COALESCE((SELECT MAX(u.seq) FROM updates u WHERE u.doc_id = d.doc_id), 0)))`,
      ),
    }
    this.replaceInTransaction = db.transaction((docId: string, rows: readonly TrackerRow[], seq: number) => {
      this.statements.deletePlan.run(docId)
      for (const row of rows) this.statements.insert.run(row)
      this.statements.markPlan.run(docId, seq)
    })
  }

  /** Replaces one plan's rows, recording the stored update (`seq`) they reflect. */
  replacePlan(docId: string, rows: readonly TrackerRow[], seq: number): void {
    this.replaceInTransaction(docId, rows, seq)
  }

  /** Plans whose rows do not reflect their newest stored update (never built, or a crash before the refresh). */
  stalePlans(): { docId: string; seq: number }[] {
    return (this.statements.stalePlans.all() as { doc_id: string; seq: number }[]).map((row) => ({ docId: row.doc_id, seq: row.seq }))
  }

  rowsForPlan(docId: string): TrackerRow[] {
    return (this.statements.forPlan.all(docId) as Row[]).map(fromRow)
  }

  /**
   * The actions that pass `filter` on `today`, overdue first; at most `limit`, and how many matched
   * in all. SQLite picks the first `limit` by (overdue, due date); rows tied with the last of those
   * are read too, so trackerOrder settles the rest exactly as it would over every row. Only what is
   * sent is read out of SQLite (reading every row and sorting it here cost most of an open).
   */
  query(filter: TrackerFilter, today: string, limit: number): { actions: TrackedAction[]; total: number } {
    const params = {
      status: filter.status ?? null,
      dueBy: filter.dueBy ?? null,
      owner: filter.owner ?? null,
      agency: filter.agency ?? null,
      person: filter.person ?? null,
      overdueOnly: filter.overdueOnly ? 1 : 0,
      today,
    }
    const { total } = this.statements.count.get(params) as { total: number }
    let rows = this.statements.head.all({ ...params, limit }) as (Row & { overdue_flag: number })[]
    if (rows.length === limit && total > limit) {
      const last = rows[rows.length - 1]
      const tied = this.statements.tiedWith.all({ ...params, tiedOverdue: last.overdue_flag, tiedDue: last.due_date }) as Row[]
      rows = [...rows.filter((row) => row.overdue_flag !== last.overdue_flag || row.due_date !== last.due_date), ...tied] as typeof rows
    }
    const ordered = rows.map(fromRow).sort(trackerOrder(today)).slice(0, limit)
    return { actions: ordered.map((row) => ({ ...row, overdue: isOverdue(row, today) })), total }
  }
}
