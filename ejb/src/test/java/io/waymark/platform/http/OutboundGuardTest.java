package io.waymark.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

  private static final OutboundGuard STRICT = new OutboundGuard(AllowedTargets.NONE);

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal); // literals only: no lookup
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, a loopback address",
    "127.12.0.9, a loopback address",
    "::1, a loopback address",
    "::ffff:127.0.0.1, a loopback address",
    "::127.0.0.1, a loopback address",
    "0.0.0.0, the unspecified address",
    "::, the unspecified address",
    "10.1.2.3, a private address",
    "172.16.0.1, a private address",
    "172.31.255.255, a private address",
    "192.168.1.1, a private address",
    "169.254.169.254, the cloud metadata address",
    "169.254.1.1, a link-local address",
    "fe80::1, a link-local address",
    "fc00::1, a private (unique local) address",
    "fd12:3456::1, a private (unique local) address",
    "224.0.0.1, a multicast address",
    "ff02::1, a multicast address",
    "100.64.0.1, a carrier-grade NAT address (100.64.0.0/10)",
    "255.255.255.255, a reserved or broadcast address (240.0.0.0/4)",
    "64:ff9b::10.0.0.1, a private address",
    "64:ff9b::a9fe:a9fe, a link-local address",
  })
  void restrictedAddressesAreRefusedWithWhatTheyAre(String address, String kind) throws Exception {
    assertThat(STRICT.refusal(address, ip(address), 80))
        .hasValueSatisfying(reason -> assertThat(reason).contains(":80 is " + kind));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "172.32.0.1",
        "192.169.0.1",
        "2606:4700::1111",
        "64:ff9b::808:808"
      })
  void publicAddressesAreAllowed(String address) throws Exception {
    assertThat(STRICT.refusal(address, ip(address), 443)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    // allowed-hosts, name in the URL, address, port, allowed?
    "'127.0.0.1:28099', 127.0.0.1, 127.0.0.1, 28099, true",
    "'127.0.0.1:28099', 127.0.0.1, 127.0.0.1, 28048, false",
    "'127.0.0.1:28099', localhost, 127.0.0.1, 28099, true",
    "'10.0.0.0/8', crm.intranet, 10.20.30.40, 8443, true",
    "'10.0.0.0/8', crm.intranet, 192.168.0.1, 8443, false",
    "'crm.intranet:443', crm.intranet, 10.20.30.40, 443, true",
    "'crm.intranet:443', CRM.Intranet, 10.20.30.40, 443, true",
    "'crm.intranet:443', crm.intranet, 10.20.30.40, 80, false",
    "'crm.intranet:443', other.intranet, 10.20.30.40, 443, false",
    "'[fd00::/8]:443', fd00::5, fd00::5, 443, true",
    "'[::1]', ::1, ::1, 5432, true",
    "'', 127.0.0.1, 127.0.0.1, 28099, false",
  })
  void theOperatorsListLetsRestrictedTargetsThrough(
      String allowed, String name, String address, int port, boolean expected) throws Exception {
    OutboundGuard guard = new OutboundGuard(AllowedTargets.parse(allowed));
    assertThat(guard.refusal(name, ip(address), port).isEmpty()).isEqualTo(expected);
  }
}
