package io.waymark.platform.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Decides whether Waymark may connect to an address: nothing on this machine or its private
 * networks, no cloud metadata service, no multicast or broadcast, unless the operator allows the
 * target ({@link AllowedTargets}). The check runs on every address a name resolves to, right before
 * connecting ({@link GuardedDnsResolver}), so a name that resolves to a private address — or that
 * changes its answer between the save-time check and the call — is still refused.
 */
public final class OutboundGuard {

  private final AllowedTargets allowed;

  public OutboundGuard(AllowedTargets allowed) {
    this.allowed = allowed;
  }

  /** Why connecting to that address and port (reached by that name) is refused; empty = allowed. */
  public Optional<String> refusal(String name, InetAddress address, int port) {
    Optional<String> kind = restrictedKind(address);
    if (kind.isEmpty() || allowed.allowsName(name, port) || allowed.allowsAddress(address, port)) {
      return Optional.empty();
    }
    String host = address.getHostAddress();
    String target = (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    // a name written as an address (127.0.0.1, ::1, [::1]) says nothing the target does not
    boolean literal = name.indexOf(':') >= 0 || name.equals(host);
    return Optional.of(
        (literal ? target : name + " (" + target + ")")
            + " is "
            + kind.get()
            + "; outbound calls there are refused unless waymark.outbound.allowed-hosts allows it");
  }

  /** What kind of restricted address this is, e.g. "a loopback address"; empty for a public one. */
  static Optional<String> restrictedKind(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return Optional.of("the unspecified address");
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of(
          address.getHostAddress().equals("169.254.169.254")
              ? "the cloud metadata address"
              : "a link-local address");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    if (address instanceof Inet4Address v4) {
      return restrictedV4(v4.getAddress());
    }
    return restrictedV6((Inet6Address) address);
  }

  private static Optional<String> restrictedV4(byte[] a) {
    int first = a[0] & 0xff;
    int second = a[1] & 0xff;
    if (first == 10
        || (first == 172 && second >= 16 && second <= 31)
        || (first == 192 && second == 168)) {
      return Optional.of("a private address");
    }
    if (first == 0) {
      return Optional.of("an address of 'this network' (0.0.0.0/8)");
    }
    if (first == 100 && second >= 64 && second <= 127) {
      return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
    }
    if (first == 198 && (second == 18 || second == 19)) {
      return Optional.of("a benchmarking address (198.18.0.0/15)");
    }
    if (first >= 240) {
      return Optional.of("a reserved or broadcast address (240.0.0.0/4)");
    }
    return Optional.empty();
  }

  private static Optional<String> restrictedV6(Inet6Address address) {
    byte[] a = address.getAddress();
    int first = a[0] & 0xff;
    if ((first & 0xfe) == 0xfc) {
      return Optional.of("a private (unique local) address");
    }
    if (first == 0xfe && (a[1] & 0xc0) == 0xc0) {
      return Optional.of("a site-local address");
    }
    // ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) carry an IPv4 address: judge that
    // one
    boolean compatible = allZero(a, 0, 12);
    boolean nat64 =
        first == 0x00
            && (a[1] & 0xff) == 0x64
            && (a[2] & 0xff) == 0xff
            && (a[3] & 0xff) == 0x9b
            && allZero(a, 4, 12);
    if (compatible || nat64) {
      byte[] v4 = {a[12], a[13], a[14], a[15]};
      if (compatible && allZero(v4, 0, 4)) {
        return Optional.of("the unspecified address");
      }
      Optional<String> embedded = restrictedV4(v4);
      if (embedded.isPresent()) {
        return embedded;
      }
      int v4first = v4[0] & 0xff;
      if (v4first == 127) {
        return Optional.of("a loopback address");
      }
      if (v4first == 169 && (v4[1] & 0xff) == 254) {
        return Optional.of("a link-local address");
      }
    }
    return Optional.empty();
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
