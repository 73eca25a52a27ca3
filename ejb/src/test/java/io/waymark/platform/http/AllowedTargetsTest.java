package io.waymark.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedTargetsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://crm",
        "crm:0",
        "crm:70000",
        "10.0.0.0/33",
        "crm/8",
        "[fd00::/129]",
        "[nope]",
        "a b",
        "256.1.1.1/8"
      })
  void anEntryThatIsNoHostOrCidrIsRefusedByName(String entry) {
    assertThatThrownBy(() -> AllowedTargets.parse("127.0.0.1:1, " + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'")
        .hasMessageContaining("host[:port] or cidr[:port]");
  }

  @Test
  void blankMeansNothingIsAllowed() throws Exception {
    assertThat(AllowedTargets.parse(" ").allowsAddress(InetAddress.getByName("10.0.0.1"), 80))
        .isFalse();
    assertThat(AllowedTargets.parse(null)).isSameAs(AllowedTargets.NONE);
  }

  @Test
  void severalEntriesWithAndWithoutPorts() throws Exception {
    AllowedTargets targets = AllowedTargets.parse("127.0.0.1:28099, 192.168.0.0/16 ,crm.local");
    assertThat(targets.allowsAddress(InetAddress.getByName("127.0.0.1"), 28099)).isTrue();
    assertThat(targets.allowsAddress(InetAddress.getByName("127.0.0.1"), 5432)).isFalse();
    assertThat(targets.allowsAddress(InetAddress.getByName("192.168.7.7"), 1)).isTrue();
    assertThat(targets.allowsName("crm.local", 9999)).isTrue();
    assertThat(targets.allowsName("crm.local.evil", 9999)).isFalse();
  }

  @Test
  void networksMatchByPrefix() {
    byte[] net = {10, 0, 0, 0};
    assertThat(AllowedTargets.inNetwork(new byte[] {10, (byte) 255, 1, 1}, net, 8)).isTrue();
    assertThat(AllowedTargets.inNetwork(new byte[] {11, 0, 0, 0}, net, 8)).isFalse();
    assertThat(
            AllowedTargets.inNetwork(
                new byte[] {10, 0, 0, (byte) 129}, new byte[] {10, 0, 0, (byte) 128}, 25))
        .isTrue();
    assertThat(
            AllowedTargets.inNetwork(
                new byte[] {10, 0, 0, 127}, new byte[] {10, 0, 0, (byte) 128}, 25))
        .isFalse();
    assertThat(AllowedTargets.inNetwork(new byte[16], net, 8)).as("v6 vs v4").isFalse();
  }
}
