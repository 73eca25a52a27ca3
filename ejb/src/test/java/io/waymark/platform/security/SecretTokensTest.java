package io.waymark.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

  @Test
  void tokensArePrefixedAndCarry256RandomBits() {
    String token = SecretTokens.generate(SecretTokens.API_PREFIX);
    assertThat(token).startsWith("wma_").hasSize(4 + 43).matches("wma_[A-Za-z0-9_-]+");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(SecretTokens.generate(SecretTokens.USER_PREFIX))).isTrue();
    }
  }

  @Test
  void onlyTheHashIsKeptAndItIsStable() {
    assertThat(SecretTokens.hashHex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
