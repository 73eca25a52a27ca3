package io.waymark.platform.web;

import io.waymark.platform.security.IpRestrictions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code waymark.proxy.trusted}: the reverse proxies (IP addresses and CIDR ranges, IPv4 and IPv6,
 * separated by commas, spaces or newlines) whose {@code X-Forwarded-For} Waymark believes. Empty
 * (the default) believes nobody: the client is the connection's peer and the header is ignored, so
 * a client cannot pick the address the login throttle and IP restrictions see. Behind a trusted
 * proxy the client is the rightmost {@code X-Forwarded-For} address that is not itself a trusted
 * proxy: everything to its left was written by the client and may be forged.
 */
public final class TrustedProxies {

  public static final String KEY = "waymark.proxy.trusted";
  public static final TrustedProxies NONE = new TrustedProxies(null);

  private final IpRestrictions proxies;

  private TrustedProxies(IpRestrictions proxies) {
    this.proxies = proxies;
  }

  /** Parses the setting; throws {@link IllegalArgumentException} naming the entry that is wrong. */
  public static TrustedProxies parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    if (setting.contains("*")) {
      throw new IllegalArgumentException(
          KEY
              + ": '*' would let every client choose its own address; list the proxies'"
              + " addresses or networks, e.g. 10.0.0.5, 192.168.10.0/24");
    }
    try {
      return new TrustedProxies(IpRestrictions.parse(setting));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(KEY + ": " + e.getMessage(), e);
    }
  }

  public boolean isEmpty() {
    return proxies == null;
  }

  /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
  public boolean trusts(String address) {
    return proxies != null && address != null && proxies.allows(address);
  }

  /**
   * The client's address for a connection from {@code peer} that carried these {@code
   * X-Forwarded-For} header values (in the order received).
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    if (!trusts(peer) || forwardedFor == null) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",")) {
        if (!hop.isBlank()) {
          hops.add(bare(hop.strip()));
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trusts(hops.get(i))) {
        return hops.get(i);
      }
    }
    return hops.isEmpty() ? peer : hops.get(0); // a chain of trusted proxies only
  }

  /** An address without the port or brackets some proxies add ({@code [2001:db8::1]:443}). */
  static String bare(String hop) {
    if (hop.startsWith("[")) {
      int close = hop.indexOf(']');
      return close > 0 ? hop.substring(1, close) : hop;
    }
    int colon = hop.indexOf(':');
    if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') >= 0) {
      return hop.substring(0, colon); // a.b.c.d:port
    }
    return hop;
  }
}
