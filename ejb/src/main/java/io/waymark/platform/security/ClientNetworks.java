package io.waymark.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a per-client limit counts by: an IPv4 address as it is (an IPv4-mapped IPv6 address counts
 * as its IPv4 address), an IPv6 address by its /64 — one subscriber's network, in which a client
 * can pick any of 2^64 addresses, so counting single IPv6 addresses would limit nothing. Only IP
 * literals are parsed (never a DNS lookup); anything else is kept as text, cut to {@link
 * #MAX_LENGTH}.
 */
public final class ClientNetworks {

  public static final int MAX_LENGTH = 64;
  static final String UNKNOWN = "unknown";
  private static final int IPV6_NETWORK_BYTES = 8;

  private ClientNetworks() {}

  /** The key of the client address {@code address} (as the servlet container reports it). */
  public static String of(String address) {
    if (address == null || address.isBlank()) {
      return UNKNOWN;
    }
    String text = address.strip();
    String literal =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    int zone = literal.indexOf('%');
    Optional<byte[]> ip = IpRestrictions.literal(zone < 0 ? literal : literal.substring(0, zone));
    if (ip.isEmpty()) {
      return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
    byte[] bytes = ip.get();
    if (bytes.length == 4) {
      return format(bytes);
    }
    Arrays.fill(bytes, IPV6_NETWORK_BYTES, bytes.length, (byte) 0);
    return format(bytes) + "/" + IPV6_NETWORK_BYTES * 8;
  }

  private static String format(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // only for a length other than 4 or 16
    }
  }
}
