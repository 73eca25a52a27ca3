package io.waymark.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API token's {@code ip_restrictions}: IPs and CIDR ranges (IPv4 and IPv6) separated by commas,
 * spaces or newlines; {@code *} or empty allows any address. Every entry is evaluated. Only IP
 * literals are accepted, so no entry ever causes a DNS lookup.
 */
public final class IpRestrictions {

  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

  private final boolean any;
  private final List<Range> ranges;

  private IpRestrictions(boolean any, List<Range> ranges) {
    this.any = any;
    this.ranges = ranges;
  }

  /** Parses the text; the first invalid entry is reported. */
  public static IpRestrictions parse(String text) {
    List<String> invalid = new ArrayList<>();
    IpRestrictions parsed = parseLenient(text, invalid);
    if (!invalid.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + invalid.get(0) + "' is not an IP address or CIDR range");
    }
    return parsed;
  }

  /** Parses stored text, ignoring invalid entries (they can only narrow, never widen, access). */
  public static IpRestrictions parseLenient(String text, List<String> invalid) {
    if (text == null || text.isBlank()) {
      return new IpRestrictions(true, List.of());
    }
    boolean any = false;
    List<Range> ranges = new ArrayList<>();
    for (String entry : SEPARATORS.split(text.strip())) {
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*")) {
        any = true;
        continue;
      }
      Optional<Range> range = Range.parse(entry);
      if (range.isPresent()) {
        ranges.add(range.get());
      } else {
        invalid.add(entry);
      }
    }
    return new IpRestrictions(any, ranges);
  }

  public boolean allows(String address) {
    if (any) {
      return true;
    }
    Optional<byte[]> ip = literal(address);
    return ip.isPresent() && ranges.stream().anyMatch(r -> r.contains(ip.get()));
  }

  static Optional<byte[]> literal(String text) {
    if (text == null || !LITERAL.matcher(text).matches() || text.contains("/")) {
      return Optional.empty();
    }
    try {
      byte[] bytes = InetAddress.getByName(text).getAddress();
      return Optional.of(normalise(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) compare as IPv4. */
  private static byte[] normalise(byte[] bytes) {
    if (bytes.length == 16) {
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= bytes[i] == 0;
      }
      mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
      if (mapped) {
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
      }
    }
    return bytes;
  }

  private record Range(byte[] network, int prefix) {

    static Optional<Range> parse(String entry) {
      if (!LITERAL.matcher(entry).matches()) {
        return Optional.empty();
      }
      int slash = entry.indexOf('/');
      Optional<byte[]> address = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      int bits = address.get().length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
      if (prefix > bits) {
        return Optional.empty();
      }
      return Optional.of(new Range(address.get(), prefix));
    }

    boolean contains(byte[] ip) {
      if (ip.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (ip[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (ip[full] & mask) == (network[full] & mask);
    }
  }
}
