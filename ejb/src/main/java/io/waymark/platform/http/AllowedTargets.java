package io.waymark.platform.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets an operator allows although the guard would refuse them ({@code
 * waymark.outbound.allowed-hosts}): a comma-separated list of {@code host[:port]} (a name, matched
 * before resolution, case-insensitive) or {@code cidr[:port]} (an address or network, matched
 * against every resolved address); IPv6 in brackets, e.g. {@code [fd00::/8]:443}. Without a port an
 * entry allows every port.
 */
public final class AllowedTargets {

  /** One entry; {@code port} 0 = any. */
  record Entry(String host, byte[] network, int prefix, int port) {
    boolean allowsName(String name, int targetPort) {
      return host != null && host.equals(name) && (port == 0 || port == targetPort);
    }

    boolean allowsAddress(InetAddress address, int targetPort) {
      return network != null
          && (port == 0 || port == targetPort)
          && inNetwork(address.getAddress(), network, prefix);
    }
  }

  public static final AllowedTargets NONE = new AllowedTargets(List.of());

  // [v6]/p:port | [v6]:port | [v6] | host-or-v4(/p)?(:port)?
  private static final Pattern BRACKETED =
      Pattern.compile("\\[([0-9a-fA-F:.]+)(?:/(\\d{1,3}))?](?::(\\d{1,5}))?");
  private static final Pattern PLAIN =
      Pattern.compile("([A-Za-z0-9.-]+)(?:/(\\d{1,2}))?(?::(\\d{1,5}))?");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final List<Entry> entries;

  private AllowedTargets(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Parses the setting; throws {@link IllegalArgumentException} naming the entry that is not {@code
   * host[:port]} or {@code cidr[:port]}.
   */
  public static AllowedTargets parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    List<Entry> entries = new ArrayList<>();
    for (String raw : setting.split(",")) {
      String item = raw.trim();
      if (!item.isEmpty()) {
        entries.add(entry(item));
      }
    }
    return new AllowedTargets(entries);
  }

  private static Entry entry(String item) {
    Matcher bracketed = BRACKETED.matcher(item);
    if (bracketed.matches()) {
      byte[] address = literal(item, bracketed.group(1));
      return new Entry(
          null,
          address,
          prefix(item, bracketed.group(2), address.length * 8),
          port(item, bracketed.group(3)));
    }
    Matcher plain = PLAIN.matcher(item);
    if (!plain.matches()) {
      throw invalid(item);
    }
    String host = plain.group(1).toLowerCase(Locale.ROOT);
    int port = port(item, plain.group(3));
    if (IPV4.matcher(host).matches()) {
      byte[] address = literal(item, host);
      return new Entry(null, address, prefix(item, plain.group(2), 32), port);
    }
    if (plain.group(2) != null) {
      throw invalid(item); // a prefix length belongs to an address, not a name
    }
    return new Entry(host, null, 0, port);
  }

  private static byte[] literal(String item, String text) {
    try {
      // an IP literal: InetAddress parses it without any lookup
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      throw invalid(item);
    }
  }

  private static int prefix(String item, String text, int max) {
    if (text == null) {
      return max;
    }
    int prefix = Integer.parseInt(text);
    if (prefix > max) {
      throw invalid(item);
    }
    return prefix;
  }

  private static int port(String item, String text) {
    if (text == null) {
      return 0;
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw invalid(item);
    }
    return port;
  }

  private static IllegalArgumentException invalid(String item) {
    return new IllegalArgumentException(
        "waymark.outbound.allowed-hosts: '" + item + "' is not host[:port] or cidr[:port]");
  }

  /** Whether the operator allows connecting to this name (as written in the URL) and port. */
  boolean allowsName(String name, int port) {
    String normalised = name.toLowerCase(Locale.ROOT);
    return entries.stream().anyMatch(e -> e.allowsName(normalised, port));
  }

  /** Whether the operator allows connecting to this address and port. */
  boolean allowsAddress(InetAddress address, int port) {
    return entries.stream().anyMatch(e -> e.allowsAddress(address, port));
  }

  static boolean inNetwork(byte[] address, byte[] network, int prefix) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }
}
