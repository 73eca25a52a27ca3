package io.waymark.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
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

  @Test
  void theDummyHashIsMadeLikeARealOneOnceAndMatchesNothing() {
    String dummy = PasswordHasher.dummyHash();
    String real = PasswordHasher.hash("some password");
    String[] d = dummy.split("\\$");
    String[] r = real.split("\\$");
    // same scheme and work factor as hash(): checking a password against it costs the same
    assertThat(d).hasSize(4);
    assertThat(d[0]).isEqualTo(r[0]).isEqualTo("pbkdf2-sha512");
    assertThat(Integer.parseInt(d[1])).isEqualTo(PasswordHasher.ITERATIONS);
    assertThat(Base64.getDecoder().decode(d[2])).hasSameSizeAs(Base64.getDecoder().decode(r[2]));
    assertThat(Base64.getDecoder().decode(d[3])).hasSameSizeAs(Base64.getDecoder().decode(r[3]));
    // computed once per server
    assertThat(PasswordHasher.dummyHash()).isSameAs(dummy);
    // a random secret: no password a caller could send matches it
    assertThat(PasswordHasher.verify("", dummy)).isFalse();
    assertThat(PasswordHasher.verify("password", dummy)).isFalse();
  }
}
