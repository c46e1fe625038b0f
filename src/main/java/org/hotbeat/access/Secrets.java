package org.hotbeat.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

/**
 * Random bearer secrets (tokens, session ids, one-time codes) and the SHA-256 under which they are
 * stored. A plain hash suffices because each secret carries 256 random bits. Thread-safe.
 */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** {@code prefix} plus 32 random bytes in base64url. */
  static String random(String prefix) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /**
   * Stamps the row of a secret with its last use: {@code updateSql} sets a time from parameter 1
   * where the hash is parameter 2.
   */
  static void stampUse(Connection c, String updateSql, Instant now, byte[] hash)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(updateSql)) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setBytes(2, hash);
      ps.executeUpdate();
    }
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
