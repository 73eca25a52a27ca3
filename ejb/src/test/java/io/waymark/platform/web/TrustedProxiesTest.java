package io.waymark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** waymark.proxy.trusted: whose X-Forwarded-For is believed, and which of its addresses. */
class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.5, 192.168.10.0/24 fd00::/8");

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertThat(TrustedProxies.NONE.clientAddress("10.0.0.5", List.of("198.51.100.7")))
        .isEqualTo("10.0.0.5");
    assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItForwards() {
    assertThat(proxies.clientAddress("203.0.113.9", List.of("198.51.100.7")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void behindATrustedProxyTheRightmostUntrustedAddressIsTheClient() {
    // the client forged the first entry; the proxies appended the others
    assertThat(
            proxies.clientAddress(
                "192.168.10.20", List.of("1.2.3.4, 198.51.100.7", "10.0.0.5, 192.168.10.3")))
        .isEqualTo("198.51.100.7");
    assertThat(proxies.clientAddress("fd00::1", List.of("2001:db8::9"))).isEqualTo("2001:db8::9");
  }

  @Test
  void portsAndBracketsThatProxiesAddAreDropped() {
    assertThat(proxies.clientAddress("10.0.0.5", List.of("198.51.100.7:51234")))
        .isEqualTo("198.51.100.7");
    assertThat(proxies.clientAddress("10.0.0.5", List.of("[2001:db8::9]:443")))
        .isEqualTo("2001:db8::9");
  }

  @Test
  void aTrustedProxyWithoutTheHeaderOrOnlyProxiesInItIsItself() {
    assertThat(proxies.clientAddress("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    assertThat(proxies.clientAddress("10.0.0.5", List.of(" , "))).isEqualTo("10.0.0.5");
    assertThat(proxies.clientAddress("10.0.0.5", List.of("192.168.10.9, 10.0.0.5")))
        .isEqualTo("192.168.10.9");
  }

  @Test
  void wrongEntriesAndAWildcardAreRefused() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5, proxy.local"))
        .hasMessage("waymark.proxy.trusted: 'proxy.local' is not an IP address or CIDR range");
    assertThatThrownBy(() -> TrustedProxies.parse("*"))
        .hasMessageStartingWith("waymark.proxy.trusted: '*' would let every client");
  }
}
