package io.waymark.platform.idempotency;

import io.waymark.platform.security.SecretTokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Stored responses of requests sent with an {@code Idempotency-Key}. Called inside the transaction
 * that does the request's work, so the key row and the work commit or roll back together.
 */
@Stateless
public class IdempotencyKeys {

  public static final Duration RETENTION = Duration.ofHours(24);

  public record Stored(String requestHash, int status, String response) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Holds the key for this transaction; false when another transaction holds it (a request still
   * running).
   */
  public boolean tryLock(String scope, String key) {
    long lockId = ByteBuffer.wrap(SecretTokens.hash(scope + "\n" + key)).getLong();
    return (Boolean)
        em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
            .setParameter(1, lockId)
            .getSingleResult();
  }

  public Optional<Stored> find(String scope, String key) {
    var rows =
        em.createNativeQuery(
                "select request_hash, status, response from idempotency_keys"
                    + " where scope = ?1 and idem_key = ?2 and created_at > ?3")
            .setParameter(1, scope)
            .setParameter(2, key)
            .setParameter(3, clock.instant().minus(RETENTION))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(new Stored((String) row[0], ((Number) row[1]).intValue(), (String) row[2]));
  }

  public void save(String scope, String key, String requestHash, int status, String response) {
    em.createNativeQuery(
            "insert into idempotency_keys (scope, idem_key, request_hash, status, response, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (scope, idem_key) do update set request_hash = excluded.request_hash,"
                + " status = excluded.status, response = excluded.response, created_at = excluded.created_at"
                + " where idempotency_keys.created_at <= ?7")
        .setParameter(1, scope)
        .setParameter(2, key)
        .setParameter(3, requestHash)
        .setParameter(4, status)
        .setParameter(5, response)
        .setParameter(6, clock.instant())
        .setParameter(7, clock.instant().minus(RETENTION))
        .executeUpdate();
  }

  /** Forgets keys past their retention; run by a periodic sweep. */
  /** The most keys one purge forgets (one sweep batch). */
  public static final int PURGE_BATCH = 1000;

  /** Forgets at most {@link #PURGE_BATCH} expired keys; the number forgotten. */
  public int purgeExpired() {
    return em.createNativeQuery(
            "delete from idempotency_keys where ctid in (select ctid from idempotency_keys"
                + " where created_at <= ?1 limit "
                + PURGE_BATCH
                + ")")
        .setParameter(1, clock.instant().minus(RETENTION))
        .executeUpdate();
  }
}
