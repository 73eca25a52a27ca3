package io.waymark.platform.api;

import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.security.BearerToken;
import io.waymark.platform.security.IpRestrictions;
import io.waymark.platform.security.SecretTokens;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The authentication of a {@link Endpoint.Auth#SHARED_SECRET} endpoint (a gateway's webhook), from
 * its own keys under a prefix {@code p}: {@code p.token}, a secret the caller presents as {@code
 * ?token=} (in the URL it was configured with) or else as {@code Authorization: Bearer}, compared
 * in constant time; {@code p.allowed-ips}, the addresses it may come from (IPs and CIDRs, the
 * syntax of API tokens' {@code ip_restrictions}; {@code *} = any). Both configured, both must pass.
 * Neither configured, every request is refused — unless {@code p.open=true}, which opens only such
 * an endpoint (a configured token or list always applies). Failures are the 403 {@code
 * no_authorization} reasons of SPEC §1. The token is never logged.
 */
public final class SharedSecret {

  private static final System.Logger LOG = System.getLogger(SharedSecret.class.getName());

  private final byte[] tokenHash;
  private final IpRestrictions allowedIps;
  private final boolean open;

  private SharedSecret(byte[] tokenHash, IpRestrictions allowedIps, boolean open) {
    this.tokenHash = tokenHash;
    this.allowedIps = allowedIps;
    this.open = open;
  }

  /** From MicroProfile Config. */
  public static SharedSecret configured(String prefix) {
    Config config = ConfigProvider.getConfig();
    return of(prefix, key -> config.getOptionalValue(key, String.class));
  }

  /** From the keys {@code config} answers (blank = unset). */
  static SharedSecret of(String prefix, Function<String, Optional<String>> config) {
    Optional<String> token = config.apply(prefix + ".token").filter(v -> !v.isBlank());
    Optional<String> ips = config.apply(prefix + ".allowed-ips").filter(v -> !v.isBlank());
    boolean open =
        config.apply(prefix + ".open").map(v -> Boolean.parseBoolean(v.strip())).orElse(false);
    IpRestrictions allowed = null;
    if (ips.isPresent()) {
      List<String> invalid = new ArrayList<>();
      allowed = IpRestrictions.parseLenient(ips.get(), invalid);
      if (!invalid.isEmpty()) {
        LOG.log(
            Level.WARNING,
            "{0}.allowed-ips: ignoring {1}, not IP addresses or CIDR ranges",
            prefix,
            invalid);
      }
    }
    if (token.isEmpty() && allowed == null) {
      if (open) {
        LOG.log(Level.WARNING, "{0}: open to every caller ({0}.open=true)", prefix);
      } else {
        LOG.log(
            Level.WARNING,
            "{0}: refuses every request until {0}.token or {0}.allowed-ips is set ({0}.open=true"
                + " opens it)",
            prefix);
      }
    } else {
      LOG.log(
          Level.INFO,
          "{0}: {1}",
          prefix,
          token.isPresent() && allowed != null
              ? "token and IP allow-list"
              : token.isPresent() ? "token" : "IP allow-list");
    }
    return new SharedSecret(token.map(SecretTokens::hash).orElse(null), allowed, open);
  }

  /**
   * Passes or throws the 403: {@code queryToken} is the {@code ?token=} parameter, {@code
   * authorization} the header, {@code address} the client (behind a trusted proxy the one it
   * forwarded).
   */
  public void check(String queryToken, String authorization, String address) {
    if (tokenHash == null && allowedIps == null) {
      if (open) {
        return;
      }
      throw WaymarkException.notAuthorized("Token does not exist");
    }
    if (allowedIps != null && !allowedIps.allows(address)) {
      throw WaymarkException.notAuthorized("IP address " + address + " is not allowed");
    }
    if (tokenHash != null) {
      String presented =
          queryToken != null && !queryToken.isEmpty()
              ? queryToken
              : BearerToken.parse(authorization);
      // both sides hashed: equal lengths, so the comparison takes the same time for any value
      if (!MessageDigest.isEqual(SecretTokens.hash(presented), tokenHash)) {
        throw WaymarkException.notAuthorized("Token does not exist");
      }
    }
  }
}
