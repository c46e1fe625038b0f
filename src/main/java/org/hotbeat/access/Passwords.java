package org.hotbeat.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}, base64 without padding), with OWASP's
 * parameters: 19 MiB of memory, 2 passes, 1 lane, a random 16-byte salt and a 32-byte hash. A hash
 * takes tens of milliseconds, on purpose. Verification reads the parameters from the stored string,
 * so stronger parameters later keep old hashes valid. Thread-safe; passwords are never logged.
 */
public final class Passwords {
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  /** Verified against when a name is no account, so both cases cost the same time. */
  private static final String DUMMY = hash("not a password: equal timing for unknown names");

  private Passwords() {}

  /** The PHC string of {@code password} with a fresh salt. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] out = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
        + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
  }

  /**
   * True when {@code password} matches {@code phc}. A null {@code phc} (no such account) is
   * checked against a dummy hash, so the answer takes as long as for a real account.
   */
  public static boolean verify(String phc, String password) {
    boolean real = phc != null;
    String[] parts = (real ? phc : DUMMY).split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      int v = Integer.parseInt(kv.substring(2));
      switch (kv.charAt(0)) {
        case 'm' -> m = v;
        case 't' -> t = v;
        case 'p' -> p = v;
        default -> {
          return false;
        }
      }
    }
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = argon2(password == null ? "" : password, B64D.decode(parts[4]), m, t, p,
        expected.length);
    return MessageDigest.isEqual(expected, actual) && real;
  }

  /** A random password of 20 characters (about 119 bits) for {@code user create} and resets. */
  public static String generate() {
    byte[] raw = new byte[15];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations,
      int parallelism, int length) {
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
        .withIterations(iterations).withParallelism(parallelism).build());
    byte[] out = new byte[length];
    gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
