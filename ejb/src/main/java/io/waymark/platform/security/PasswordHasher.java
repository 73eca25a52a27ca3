package io.waymark.platform.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA512 password hashes (210,000 iterations, OWASP's figure for this PRF) in a
 * self-describing format {@code pbkdf2-sha512$<iterations>$<salt>$<hash>}, so the work factor can
 * be raised without breaking old hashes.
 */
public final class PasswordHasher {

  static final int ITERATIONS = 210_000;
  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final String SCHEME = "pbkdf2-sha512";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
  }

  /**
   * The hash a sign-in checks the password against when there is no hash to check: an unknown
   * email, an account without a password. A hash of a random secret nobody knows, made with the
   * same algorithm, iterations, salt and key length as {@link #hash}, computed once per server (the
   * login throttle asks for it at startup), so that such a sign-in costs the same derivation as a
   * real one and its answer time does not tell which emails exist. Nothing ever verifies against
   * it.
   */
  public static String dummyHash() {
    return Dummy.HASH;
  }

  /** Initialised on first use of {@link #dummyHash()} only. */
  private static final class Dummy {
    static final String HASH = hash(SecretTokens.generate(""));
  }

  public static boolean verify(String password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String format(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 512);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException(e);
    } finally {
      spec.clearPassword();
    }
  }
}
