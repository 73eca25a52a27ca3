package io.waymark.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNetworksTest {

  @Test
  void anIpv4AddressIsItsOwnKey() {
    assertThat(ClientNetworks.of("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientNetworks.of(" 127.0.0.1 ")).isEqualTo("127.0.0.1");
    assertThat(ClientNetworks.of("203.0.113.8")).isNotEqualTo(ClientNetworks.of("203.0.113.7"));
  }

  @Test
  void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() {
    assertThat(ClientNetworks.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void ipv6AddressesCountByTheirSlash64() {
    String a = ClientNetworks.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    assertThat(a).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientNetworks.of("2001:db8:1:2::7")).isEqualTo(a);
    assertThat(ClientNetworks.of("[2001:db8:1:2::8]")).isEqualTo(a);
    assertThat(ClientNetworks.of("2001:db8:1:2::9%eth0")).isEqualTo(a);
    assertThat(ClientNetworks.of("2001:db8:1:3::7")).isNotEqualTo(a);
    assertThat(ClientNetworks.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
  }

  @Test
  void anythingElseIsKeptAsTextWithoutADnsLookupAndNeverTooLong() {
    assertThat(ClientNetworks.of("localhost")).isEqualTo("localhost");
    assertThat(ClientNetworks.of("x".repeat(500))).hasSize(ClientNetworks.MAX_LENGTH);
    assertThat(ClientNetworks.of(null)).isEqualTo(ClientNetworks.UNKNOWN);
    assertThat(ClientNetworks.of(" ")).isEqualTo(ClientNetworks.UNKNOWN);
  }
}
