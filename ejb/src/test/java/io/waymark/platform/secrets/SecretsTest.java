package io.waymark.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.error.WaymarkException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static final String KEY = newKey();
  private static final Secrets SECRETS = Secrets.of(Optional.of(KEY), Optional.empty());

  @Test
  void aSealedValueOpensForItsPurposeOnlyAndHidesThePlainText() {
    String sealed = SECRETS.seal("webhook-header", "Bearer s3cret");

    assertThat(sealed).startsWith("wms1:").doesNotContain("s3cret");
    assertThat(Secrets.isSealed(sealed)).isTrue();
    assertThat(SECRETS.open("webhook-header", sealed)).isEqualTo("Bearer s3cret");
    assertThat(SECRETS.seal("webhook-header", "Bearer s3cret"))
        .as("a fresh nonce every time")
        .isNotEqualTo(sealed);
    assertThatThrownBy(() -> SECRETS.open("api-key", sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void aTamperedValueOrAnotherKeyDoesNotOpen() {
    String sealed = SECRETS.seal("p", "value");
    char last = sealed.charAt(sealed.length() - 3);
    String tampered =
        sealed.substring(0, sealed.length() - 3)
            + (last == 'A' ? 'B' : 'A')
            + sealed.substring(sealed.length() - 2);
    assertThatThrownBy(() -> SECRETS.open("p", tampered)).isInstanceOf(IllegalStateException.class);

    Secrets other = Secrets.of(Optional.of(newKey()), Optional.empty());
    assertThatThrownBy(() -> other.open("p", sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("neither waymark.secrets.key nor one of the previous keys");
  }

  @Test
  void aRotatedKeyStillOpensWhatItSealedAndMarksItStale() {
    String sealed = SECRETS.seal("p", "value");
    Secrets rotated = Secrets.of(Optional.of(newKey()), Optional.of(" " + KEY + " ,"));

    assertThat(rotated.open("p", sealed)).isEqualTo("value");
    assertThat(rotated.stale(sealed)).isTrue();
    assertThat(rotated.stale(rotated.seal("p", "value"))).isFalse();
  }

  @Test
  void withoutAKeyNothingIsSealedAndTheRefusalSaysWhy() {
    Secrets none = Secrets.of(Optional.empty(), Optional.empty());

    assertThat(none.available()).isFalse();
    assertThatThrownBy(() -> none.seal("p", "value"))
        .isInstanceOfSatisfying(
            WaymarkException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("secrets_unavailable");
              assertThat(e.getMessage()).contains("waymark.secrets.key");
            });
  }

  @Test
  void aKeyThatIsNot32BytesOfBase64IsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> Secrets.of(Optional.of("c2hvcnQ="), Optional.empty()))
        .hasMessageContaining("waymark.secrets.key must be 32 bytes");
    assertThatThrownBy(() -> Secrets.of(Optional.of("not base64!"), Optional.empty()))
        .hasMessageContaining("waymark.secrets.key is not base64");
  }
}
