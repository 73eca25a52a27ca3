package io.waymark.platform.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves names for the HTTP client and lets the guard judge each resolved address with the port
 * the client is about to connect to. One refused address refuses the name: a name that answers a
 * public and a private address (a rebinding trick) must not be tried address by address.
 */
final class GuardedDnsResolver implements DnsResolver {

  private final OutboundGuard guard;
  private final DnsResolver system = SystemDefaultDnsResolver.INSTANCE;

  GuardedDnsResolver(OutboundGuard guard) {
    this.guard = guard;
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetSocketAddress> checked = new ArrayList<>();
    for (InetAddress address : system.resolve(host)) {
      Optional<String> refusal = guard.refusal(host, address, port);
      if (refusal.isPresent()) {
        throw new OutboundRefusedException(refusal.get());
      }
      checked.add(new InetSocketAddress(address, port));
    }
    return checked;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    // without a port only entries that allow every port can let a restricted address through
    InetAddress[] addresses = system.resolve(host);
    for (InetAddress address : addresses) {
      Optional<String> refusal = guard.refusal(host, address, 0);
      if (refusal.isPresent()) {
        throw new OutboundRefusedException(refusal.get());
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return system.resolveCanonicalHostname(host);
  }
}
