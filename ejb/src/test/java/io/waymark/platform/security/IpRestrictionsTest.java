package io.waymark.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpRestrictionsTest {

  @Test
  void emptyOrStarAllowsAnyAddress() {
    assertThat(IpRestrictions.parse("").allows("203.0.113.9")).isTrue();
    assertThat(IpRestrictions.parse(null).allows("::1")).isTrue();
    assertThat(IpRestrictions.parse("10.0.0.1, *").allows("198.51.100.1")).isTrue();
  }

  @Test
  void singleAddressesMatchExactly() {
    IpRestrictions r = IpRestrictions.parse("10.0.0.1");
    assertThat(r.allows("10.0.0.1")).isTrue();
    assertThat(r.allows("10.0.0.2")).isFalse();
  }

  @Test
  void everyEntryIsEvaluatedWhateverTheSeparator() {
    IpRestrictions r = IpRestrictions.parse("192.168.1.0/24,10.0.0.0/8\n172.16.0.5  2001:db8::/32");
    assertThat(r.allows("192.168.1.77")).isTrue();
    assertThat(r.allows("10.200.3.4")).isTrue();
    assertThat(r.allows("172.16.0.5")).isTrue();
    assertThat(r.allows("2001:db8:1::42")).isTrue();
    assertThat(r.allows("192.168.2.1")).isFalse();
    assertThat(r.allows("172.16.0.6")).isFalse();
    assertThat(r.allows("2001:db9::1")).isFalse();
  }

  @Test
  void cidrPrefixesThatAreNotByteAligned() {
    IpRestrictions r = IpRestrictions.parse("203.0.113.64/26");
    assertThat(r.allows("203.0.113.64")).isTrue();
    assertThat(r.allows("203.0.113.127")).isTrue();
    assertThat(r.allows("203.0.113.63")).isFalse();
    assertThat(r.allows("203.0.113.128")).isFalse();
  }

  @Test
  void ipv6LoopbackAndMappedIpv4() {
    assertThat(IpRestrictions.parse("::1").allows("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(IpRestrictions.parse("127.0.0.0/8").allows("::ffff:127.0.0.1")).isTrue();
    assertThat(IpRestrictions.parse("::1").allows("127.0.0.1")).isFalse();
  }

  @Test
  void zeroPrefixCoversTheWholeFamily() {
    assertThat(IpRestrictions.parse("0.0.0.0/0").allows("8.8.8.8")).isTrue();
    assertThat(IpRestrictions.parse("0.0.0.0/0").allows("2001:db8::1")).isFalse();
  }

  @Test
  void invalidEntriesAreRejectedAndNeverLookedUpInDns() {
    assertThatThrownBy(() -> IpRestrictions.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpRestrictions.parse("example.com"))
        .hasMessageContaining("example.com");
    assertThatThrownBy(() -> IpRestrictions.parse("10.0.0.1, 300.1.1.1"))
        .hasMessageContaining("300.1.1.1");
  }

  @Test
  void hostnamesAsClientAddressesNeverMatch() {
    assertThat(IpRestrictions.parse("127.0.0.1").allows("localhost")).isFalse();
  }
}
