import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';
import { iso } from '../db/timestamps';
import type { SessionInfo, SessionPerson } from './context';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
export const randomToken = () => randomBytes(32).toString('base64url');

export interface NewSession {
  personId: string;
  providerSub: string;
  providerSid?: string;
  acr?: string;
  idToken?: string;
  idTokenExpiresAt?: Date;
  refreshToken?: string;
}

export interface ActiveSession {
  idHash: string;
  person: SessionPerson;
  info: SessionInfo;
  idToken: string | null;
  idTokenExpiresAt: Date | null;
  refreshToken: string | null;
}

interface Row {
  id_hash: string;
  id_token: string | null;
  id_token_expires_at: Date | string | null;
  refresh_token: string | null;
  idle_expires_at: Date | string;
  absolute_expires_at: Date | string;
  person_id: string;
  personal_code: string;
  given_name: string;
  family_name: string;
  preferred_language: SessionPerson['preferredLanguage'];
}

function toSession(row: Row): ActiveSession {
  return {
    idHash: row.id_hash,
    person: {
      id: row.person_id,
      personalCode: row.personal_code,
      givenName: row.given_name,
      familyName: row.family_name,
      preferredLanguage: row.preferred_language,
    },
    info: { idleExpiresAt: iso(row.idle_expires_at), absoluteExpiresAt: iso(row.absolute_expires_at) },
    idToken: row.id_token,
    idTokenExpiresAt: row.id_token_expires_at ? new Date(row.id_token_expires_at) : null,
    refreshToken: row.refresh_token,
  };
}

const RETURNING = `s.id_hash, s.id_token, s.id_token_expires_at, s.refresh_token, s.idle_expires_at,
  s.absolute_expires_at, p.id AS person_id, p.personal_code, p.given_name, p.family_name, p.preferred_language`;

/** Server-side sessions: the database's clock decides every expiry, never the client's. */
export class SessionStore {
  constructor(
    private readonly db: Queryable,
    private readonly idleSeconds: number,
    private readonly absoluteSeconds: number,
  ) {}

  /** Creates a session and returns the cookie value (a fresh random id: sign-in always rotates it). */
  async create(session: NewSession): Promise<string> {
    const id = randomToken();
    await this.db.query('DELETE FROM sessions WHERE absolute_expires_at < now() OR idle_expires_at < now()');
    await this.db.query(
      `INSERT INTO sessions (id_hash, person_id, provider_sub, provider_sid, acr, id_token, id_token_expires_at,
         refresh_token, idle_expires_at, absolute_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
         now() + make_interval(secs => $9), now() + make_interval(secs => $10))`,
      [
        sha256(id),
        session.personId,
        session.providerSub,
        session.providerSid ?? null,
        session.acr ?? null,
        session.idToken ?? null,
        session.idTokenExpiresAt ?? null,
        session.refreshToken ?? null,
        Math.min(this.idleSeconds, this.absoluteSeconds),
        this.absoluteSeconds,
      ],
    );
    return id;
  }

  /** The live session of a cookie value, its idle timeout moved on (sliding); null when none or expired. */
  async touch(cookieValue: string): Promise<ActiveSession | null> {
    const { rows } = await this.db.query<Row>(
      `WITH s AS (
         UPDATE sessions SET last_seen_at = now(),
           idle_expires_at = LEAST(now() + make_interval(secs => $2), absolute_expires_at)
         WHERE id_hash = $1 AND idle_expires_at > now() AND absolute_expires_at > now()
         RETURNING *)
       SELECT ${RETURNING} FROM s JOIN persons p ON p.id = s.person_id`,
      [sha256(cookieValue), this.idleSeconds],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  /** The live session without moving its timeout (to ask how long it has left). */
  async peek(cookieValue: string): Promise<ActiveSession | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${RETURNING} FROM sessions s JOIN persons p ON p.id = s.person_id
       WHERE s.id_hash = $1 AND s.idle_expires_at > now() AND s.absolute_expires_at > now()`,
      [sha256(cookieValue)],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  /** Deletes the session of a cookie value; returns what it held (for the provider's logout). */
  async delete(cookieValue: string): Promise<{ idToken: string | null } | null> {
    const { rows } = await this.db.query<{ id_token: string | null }>(
      'DELETE FROM sessions WHERE id_hash = $1 RETURNING id_token',
      [sha256(cookieValue)],
    );
    return rows[0] ? { idToken: rows[0].id_token } : null;
  }

  /** Back-channel logout: ends every session of the provider's session id (and subject, when given). */
  async deleteByProviderSession(sid: string | undefined, sub: string | undefined): Promise<number> {
    const { rows } = await this.db.query(
      `DELETE FROM sessions WHERE ($1::text IS NULL OR provider_sid = $1) AND ($2::text IS NULL OR provider_sub = $2)
       RETURNING id_hash`,
      [sid ?? null, sub ?? null],
    );
    return rows.length;
  }

  /**
   * Claims the right to refresh the provider's tokens for a while, so that two requests of the same
   * session never both spend a (rotating) refresh token. False when another request holds the claim.
   */
  async claimRefresh(idHash: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE sessions SET refresh_claimed_until = now() + interval '30 seconds'
       WHERE id_hash = $1 AND (refresh_claimed_until IS NULL OR refresh_claimed_until < now()) RETURNING id_hash`,
      [idHash],
    );
    return rows.length > 0;
  }

  async saveRefreshed(
    idHash: string,
    tokens: { idToken?: string; idTokenExpiresAt?: Date; refreshToken?: string },
  ): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET id_token = COALESCE($2, id_token), id_token_expires_at = COALESCE($3, id_token_expires_at),
         refresh_token = COALESCE($4, refresh_token), refresh_claimed_until = NULL WHERE id_hash = $1`,
      [idHash, tokens.idToken ?? null, tokens.idTokenExpiresAt ?? null, tokens.refreshToken ?? null],
    );
  }

  async deleteByHash(idHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }
}
