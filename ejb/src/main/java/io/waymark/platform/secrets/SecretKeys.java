package io.waymark.platform.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys secrets are sealed with: the current one ({@code waymark.secrets.key}, 32 bytes in
 * base64) seals, it and the previous ones ({@code waymark.secrets.previous-keys}, comma-separated)
 * open. A key is known by its id, the first 8 hex digits of the SHA-256 of its bytes, stored with
 * every sealed value: rotating means making the old key a previous one and giving a new current.
 */
final class SecretKeys {

  private final SecretKey current;
  private final String currentId;
  private final Map<String, SecretKey> all = new LinkedHashMap<>();

  private SecretKeys(SecretKey current, String currentId) {
    this.current = current;
    this.currentId = currentId;
  }

  /** The keys from the two settings' values; an absent or blank current key: none at all. */
  static Optional<SecretKeys> of(Optional<String> key, Optional<String> previous) {
    if (key.isEmpty() || key.get().isBlank()) {
      return Optional.empty();
    }
    SecretKey current = parse(key.get(), "waymark.secrets.key");
    SecretKeys keys = new SecretKeys(current, id(current));
    keys.all.put(keys.currentId, current);
    previous.ifPresent(
        list -> {
          for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
              SecretKey old = parse(entry, "waymark.secrets.previous-keys");
              keys.all.putIfAbsent(id(old), old);
            }
          }
        });
    return Optional.of(keys);
  }

  SecretKey current() {
    return current;
  }

  String currentId() {
    return currentId;
  }

  Optional<SecretKey> byId(String id) {
    return Optional.ofNullable(all.get(id));
  }

  private static SecretKey parse(String base64, String setting) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          setting + " must be 32 bytes (base64 of 32 random bytes), not " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  static String id(SecretKey key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(hash).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Only for a message: never the key. */
  @Override
  public String toString() {
    return "SecretKeys[current=" + currentId + ", known=" + all.keySet() + "]";
  }
}
