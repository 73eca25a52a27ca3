package io.waymark.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque bearer secrets: a recognisable prefix and 32 random bytes. Only their SHA-256 is stored —
 * the values carry 256 bits of entropy, so a fast hash cannot be brute-forced and keeps the
 * per-request lookup cheap.
 */
public final class SecretTokens {

  public static final String API_PREFIX = "wma_";
  public static final String USER_PREFIX = "wmu_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  public static String generate(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hashHex(String value) {
    return HexFormat.of().formatHex(hash(value));
  }
}
