package io.waymark.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void verifiesTheRightPasswordOnly() {
    String stored = PasswordHasher.hash("correct horse battery");
    assertThat(PasswordHasher.verify("correct horse battery", stored)).isTrue();
    assertThat(PasswordHasher.verify("correct horse batterY", stored)).isFalse();
    assertThat(PasswordHasher.verify("", stored)).isFalse();
  }

  @Test
  void hashIsSaltedSelfDescribingAndNeverThePassword() {
    String a = PasswordHasher.hash("same-password");
    String b = PasswordHasher.hash("same-password");
    assertThat(a)
        .isNotEqualTo(b)
        .startsWith("pbkdf2-sha512$" + PasswordHasher.ITERATIONS + "$")
        .doesNotContain("same-password");
  }

  @Test
  void malformedOrMissingHashesNeverVerify() {
    assertThat(PasswordHasher.verify("x", null)).isFalse();
    assertThat(PasswordHasher.verify(null, PasswordHasher.hash("x"))).isFalse();
    assertThat(PasswordHasher.verify("x", "plain-text")).isFalse();
    assertThat(PasswordHasher.verify("x", "pbkdf2-sha512$1$%%%$***")).isFalse();
  }

  @Test
  void olderWorkFactorsStillVerify() {
    String stored = PasswordHasher.hash("pw-123456");
    String[] parts = stored.split("\\$");
    assertThat(parts).hasSize(4);
    assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
  }
}
