package io.waymark.tokens.control;

import io.waymark.platform.broadcast.Broadcast;
import io.waymark.platform.broadcast.BroadcastReceiver;
import io.waymark.platform.db.Jdbc;
import io.waymark.platform.security.IpRestrictions;
import io.waymark.platform.security.SecretTokens;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What an API token (kept by its hash, never the token itself) may do with one resource, remembered
 * for {@code waymark.api.token-cache-ttl} so a busy client does not cost a query per request. A
 * change to any token forgets everything on this server as soon as it commits, and on every other
 * server when the broadcast ({@value #TOPIC}) reaches it — within milliseconds, or at the
 * broadcast's next versions check when a server missed the message; the TTL is only the last
 * resort. Unknown tokens are never remembered (random tokens cannot fill the memory).
 */
@ApplicationScoped
public class TokenGrants implements BroadcastReceiver {

  /** The broadcast topic of token changes. */
  public static final String TOPIC = "tokens.grants";

  private static final int MAX_REMEMBERED = 10_000;

  /** The token's state as far as one resource is concerned. */
  public record Grant(
      long tokenId, String tokenName, boolean active, IpRestrictions addresses, boolean granted) {}

  private record Remembered(Grant grant, long loadedAt) {}

  private final ConcurrentMap<String, Remembered> remembered = new ConcurrentHashMap<>();

  @Inject Jdbc jdbc;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "waymark.api.token-cache-ttl", defaultValue = "PT5S")
  Duration ttl;

  public Optional<Grant> lookup(String token, String resource) {
    byte[] tokenHash = SecretTokens.hash(token);
    String key = HexFormat.of().formatHex(tokenHash) + '\n' + resource;
    long now = System.nanoTime();
    Remembered hit = remembered.get(key);
    if (hit != null && now - hit.loadedAt() < ttl.toNanos()) {
      return Optional.of(hit.grant());
    }
    Optional<Grant> grant =
        jdbc.first(
            """
            select t.id, t.name, t.active, t.ip_restrictions,
                   t.all_resources or exists (select 1 from api_token_resources r where r.api_token_id = t.id and r.resource = ?)
            from api_tokens t where t.token_hash = ?""",
            rs ->
                new Grant(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getBoolean(3),
                    IpRestrictions.parseLenient(rs.getString(4), new ArrayList<>()),
                    rs.getBoolean(5)),
            resource,
            tokenHash);
    if (grant.isPresent() && !ttl.isZero()) {
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      remembered.put(key, new Remembered(grant.get(), now));
    }
    return grant;
  }

  @Inject Broadcast broadcast;

  /**
   * Forgets every grant when the current transaction (which changes tokens) ends, and right now;
   * every other server forgets when the transaction's broadcast reaches it.
   */
  public void forgetAfterCompletion() {
    remembered.clear();
    broadcast.changed(TOPIC);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            remembered.clear();
          }
        });
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  /** Another server (or this one) changed a token: forget every grant. */
  @Override
  public void received(String payload) {
    remembered.clear();
  }

  @Override
  public void missed() {
    remembered.clear();
  }
}
