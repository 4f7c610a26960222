/**
 * SQL of the Art 18 statistics. Everything is counted from coded facts that erasure leaves in place
 * (direction, country, urgency, channel, times, refusal grounds, deadline events), so reviews never change
 * a year's figures. A request counts in the year its event happened, in [from, to).
 */
import { sql, type SQL } from 'drizzle-orm';
import { DIRECTIVE_STATES } from '../../../shared/domain.ts';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';

export interface YearWindow { from: string; to: string; now: string }

/** The regime of requests exchanged under Dir. (EU) 2023/977 (platform/deadlines). */
export const DIRECTIVE_REGIME = 'eu-2023-977';

const inYear = (col: ReturnType<typeof sql.raw>, w: YearWindow) => sql`${col} >= ${w.from} AND ${col} < ${w.to}`;

/**
 * Art 18 counts requests between the SPOCs of the states bound by Dir. (EU) 2023/977, exchanged under it: the
 * Directive's regime (not SIRENE, Ameripol, own-initiative information) and a Directive state as counterpart
 * (also for rows registered before third-country requests had a regime of their own).
 */
function underDirective(alias: string): SQL {
  const col = (c: string) => sql.raw(alias ? `${alias}.${c}` : c);
  return sql`${col('regime_id')} = ${DIRECTIVE_REGIME} AND ${col('country_code')} IN (${sql.join(DIRECTIVE_STATES.map((c) => sql`${c}`), sql`, `)})`;
}

/** Art 18(a): outgoing requests sent in the year. */
export async function countSent(db: Db, w: YearWindow): Promise<number> {
  return rowsOf<{ n: number }>(await db.execute(sql`
    SELECT count(DISTINCT r.id)::int AS n FROM request r JOIN deadline_event e ON e.request_id = r.id
    WHERE r.direction = 'outgoing' AND ${underDirective('r')} AND e.kind = 'started' AND ${inYear(sql.raw('e.at'), w)}`))[0].n;
}

export interface CountryUrgency { country: string; urgent: boolean; n: number }

/** Art 18(b): incoming requests received in the year, by requesting country and urgency. */
export async function receivedBy(db: Db, w: YearWindow): Promise<CountryUrgency[]> {
  return rowsOf<CountryUrgency>(await db.execute(sql`
    SELECT country_code AS country, urgent, count(*)::int AS n FROM request
    WHERE direction = 'incoming' AND ${underDirective('')} AND ${inYear(sql.raw('received_at'), w)}
    GROUP BY country_code, urgent`));
}

/** Art 18(b): incoming requests answered in the year (a partial refusal is an answer), by country and urgency. */
export async function answeredBy(db: Db, w: YearWindow): Promise<CountryUrgency[]> {
  return rowsOf<CountryUrgency>(await db.execute(sql`
    SELECT r.country_code AS country, r.urgent, count(DISTINCT r.id)::int AS n FROM request r
    WHERE r.direction = 'incoming' AND ${underDirective('r')} AND EXISTS (SELECT 1 FROM deadline_event e WHERE e.request_id = r.id AND e.kind = 'answered' AND ${inYear(sql.raw('e.at'), w)})
    GROUP BY r.country_code, r.urgent`));
}

/** Art 18(c): incoming requests refused in the year, by country. */
export async function refusedByCountry(db: Db, w: YearWindow): Promise<{ country: string; n: number }[]> {
  return rowsOf<{ country: string; n: number }>(await db.execute(sql`
    SELECT r.country_code AS country, count(DISTINCT r.id)::int AS n FROM request r
    WHERE r.direction = 'incoming' AND ${underDirective('r')} AND EXISTS (SELECT 1 FROM deadline_event e WHERE e.request_id = r.id AND e.kind = 'refused' AND ${inYear(sql.raw('e.at'), w)})
    GROUP BY r.country_code`));
}

/** Art 18(c): refusals by Art 6(1) ground (a request refused on two grounds counts under each); `partial` for answers with a partial refusal. */
export async function refusalGrounds(db: Db, w: YearWindow, kind: 'refused' | 'answered'): Promise<{ ground: string; n: number }[]> {
  return rowsOf<{ ground: string; n: number }>(await db.execute(sql`
    SELECT g AS ground, count(*)::int AS n FROM request r CROSS JOIN LATERAL unnest(r.refusal_grounds) AS g
    WHERE r.direction = 'incoming' AND ${underDirective('r')} AND EXISTS (SELECT 1 FROM deadline_event e WHERE e.request_id = r.id AND e.kind = ${kind} AND ${inYear(sql.raw('e.at'), w)})
    GROUP BY g`));
}

/**
 * Art 18(d): incoming requests whose deadline (due in the year) was exceeded while judicial authorisation was
 * awaited (Art 5(2)): a delay was notified and the reply came after the due time, or has not come by now.
 */
export async function judicialDelaysExceeded(db: Db, w: YearWindow): Promise<{ country: string; n: number }[]> {
  return rowsOf<{ country: string; n: number }>(await db.execute(sql`
    SELECT r.country_code AS country, count(*)::int AS n FROM request r
    WHERE r.direction = 'incoming' AND ${underDirective('r')} AND r.status <> 'withdrawn' AND r.due_at IS NOT NULL AND ${inYear(sql.raw('r.due_at'), w)}
      AND EXISTS (SELECT 1 FROM deadline_event e WHERE e.request_id = r.id AND e.kind = 'delay_notified')
      AND (r.answered_at > r.due_at OR (r.answered_at IS NULL AND r.due_at < LEAST(${w.now}::timestamptz, ${w.to}::timestamptz)))
    GROUP BY r.country_code`));
}

export interface OtherExchange { regime: string; channel: string; received: number; sent: number }

/**
 * Exchanges outside Art 18, shown beside it: requests under other regimes (SIRENE, third countries, Ameripol),
 * own-initiative information received, and any request with a state not bound by the Directive; by regime and channel.
 */
export async function otherExchanges(db: Db, w: YearWindow): Promise<OtherExchange[]> {
  return rowsOf<OtherExchange>(await db.execute(sql`
    SELECT * FROM (
      SELECT r.regime_id AS regime, r.channel,
             count(*) FILTER (WHERE r.direction = 'incoming' AND ${inYear(sql.raw('r.received_at'), w)})::int AS received,
             count(*) FILTER (WHERE r.direction = 'outgoing' AND EXISTS (
               SELECT 1 FROM deadline_event e WHERE e.request_id = r.id AND e.kind = 'started' AND ${inYear(sql.raw('e.at'), w)}))::int AS sent
      FROM request r WHERE NOT (${underDirective('r')})
      GROUP BY r.regime_id, r.channel
    ) x WHERE received > 0 OR sent > 0 ORDER BY regime, channel`));
}

export interface Timeliness { within: number; late: number; no_deadline: number }

/** Replies (answers and refusals) to incoming requests in the year: within the legal deadline or late. */
export async function timeliness(db: Db, w: YearWindow): Promise<Timeliness> {
  return rowsOf<Timeliness>(await db.execute(sql`
    SELECT count(*) FILTER (WHERE due_at IS NOT NULL AND answered_at <= due_at)::int AS within,
           count(*) FILTER (WHERE due_at IS NOT NULL AND answered_at > due_at)::int AS late,
           count(*) FILTER (WHERE due_at IS NULL)::int AS no_deadline
    FROM request WHERE direction = 'incoming' AND answered_at IS NOT NULL AND ${inYear(sql.raw('answered_at'), w)}`))[0];
}

/** Median hours from receipt to reply, per channel, for replies in the year. */
export async function medianByChannel(db: Db, w: YearWindow): Promise<{ channel: string; n: number; median_hours: number | string | null }[]> {
  return rowsOf(await db.execute(sql`
    SELECT channel, count(*)::int AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (answered_at - received_at)) / 3600.0) AS median_hours
    FROM request WHERE direction = 'incoming' AND answered_at IS NOT NULL AND received_at IS NOT NULL AND ${inYear(sql.raw('answered_at'), w)}
    GROUP BY channel ORDER BY channel`));
}
