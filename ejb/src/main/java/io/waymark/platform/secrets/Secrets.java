package io.waymark.platform.secrets;

import io.waymark.platform.error.WaymarkException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals and opens secrets: AES-256-GCM with a random 96-bit nonce, the value's purpose as
 * associated data (a sealed webhook header does not open as anything else), written {@code
 * wms1:<key id>:<base64 of nonce and ciphertext>}. Without {@code waymark.secrets.key} nothing can
 * be sealed: storing a secret is refused with a clear 422 (the quick start generates a key into its
 * data directory; a cluster shares one). Shown to people, a secret is {@link #MASK}; a mask sent
 * back on update keeps the stored value.
 */
@ApplicationScoped
public class Secrets {

  /** What a stored secret is shown as, and what sent back means "keep it". */
  public static final String MASK = "********";

  private static final String PREFIX = "wms1:";
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "waymark.secrets.key")
  Optional<String> key;

  @Inject
  @ConfigProperty(name = "waymark.secrets.previous-keys")
  Optional<String> previousKeys;

  private Optional<SecretKeys> keys = Optional.empty();

  @PostConstruct
  void load() {
    keys = SecretKeys.of(key, previousKeys);
  }

  /** Secrets from these settings' values, outside CDI (tests, tools). */
  public static Secrets of(Optional<String> key, Optional<String> previous) {
    Secrets secrets = new Secrets();
    secrets.key = key;
    secrets.previousKeys = previous;
    secrets.load();
    return secrets;
  }

  /** Whether secrets can be sealed here (a key is configured). */
  public boolean available() {
    return keys.isPresent();
  }

  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** The value sealed for {@code purpose}; a 422 when no key is configured. */
  public String seal(String purpose, String plain) {
    SecretKeys k =
        keys.orElseThrow(
            () ->
                WaymarkException.unprocessable(
                    "secrets_unavailable",
                    "Secrets cannot be stored: waymark.secrets.key is not configured"));
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, k.current(), nonce, purpose, utf8(plain));
    ByteBuffer out = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed);
    return PREFIX + k.currentId() + ":" + Base64.getEncoder().encodeToString(out.array());
  }

  /** The plain value of a sealed one; an {@link IllegalStateException} naming what is wrong. */
  public String open(String purpose, String sealed) {
    if (!isSealed(sealed)) {
      throw new IllegalStateException("not a sealed secret");
    }
    String[] parts = sealed.substring(PREFIX.length()).split(":", 2);
    if (parts.length != 2) {
      throw new IllegalStateException("a sealed secret without its key id");
    }
    SecretKeys k =
        keys.orElseThrow(() -> new IllegalStateException("waymark.secrets.key is not configured"));
    SecretKey secretKey =
        k.byId(parts[0])
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "sealed with key "
                            + parts[0]
                            + ", which is neither waymark.secrets.key nor one of the previous keys"));
    byte[] all;
    try {
      all = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("a sealed secret that is not base64", e);
    }
    if (all.length <= NONCE) {
      throw new IllegalStateException("a sealed secret too short to hold its nonce");
    }
    byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE);
    byte[] body = java.util.Arrays.copyOfRange(all, NONCE, all.length);
    return new String(
        cipher(Cipher.DECRYPT_MODE, secretKey, nonce, purpose, body), StandardCharsets.UTF_8);
  }

  /** Sealed with a key other than the current one: to be sealed again (rotation). */
  public boolean stale(String sealed) {
    return keys.isPresent()
        && isSealed(sealed)
        && !sealed.startsWith(PREFIX + keys.get().currentId() + ":");
  }

  private static byte[] cipher(
      int mode, SecretKey key, byte[] nonce, String purpose, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(utf8(purpose));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      // a wrong key, a tampered value or another purpose all end here (GCM's tag)
      throw new IllegalStateException(
          "a sealed secret does not open: " + e.getClass().getSimpleName());
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
