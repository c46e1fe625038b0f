package org.hotbeat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.hotbeat.HotbeatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotbeatConfigTest {
  private static HotbeatConfig config(String host, int port, long maxBody, int seconds,
      String dbUrl, int pool) {
    return new HotbeatConfig(host, port, Path.of("web"), maxBody, IngestLimits.DEFAULTS,
        Limits.defaults(), PatrolDefaults.defaults(), Duration.ofSeconds(seconds), dbUrl,
        "postgres", "secret", pool, Path.of("var/pg"), Path.of("var/graph"), AccessSettings.defaults());
  }

  @Test
  void defaultsAreValidAndUseTheEmbeddedDatabase() {
    HotbeatConfig c = HotbeatConfig.defaults();
    assertTrue(c.embeddedDatabase());
    assertEquals(8080, c.port());
    assertTrue(c.pgDir().isAbsolute());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      port above 65535            | localhost | 70000 | 1048576 | 10 | jdbc:postgresql://h/db | 10 | --port
      negative port               | localhost | -1    | 1048576 | 10 | jdbc:postgresql://h/db | 10 | --port
      empty host                  | ' '       | 8080  | 1048576 | 10 | jdbc:postgresql://h/db | 10 | --host
      body limit under 1 KiB      | localhost | 8080  | 10      | 10 | jdbc:postgresql://h/db | 10 | --max-body-mib
      negative grace              | localhost | 8080  | 1048576 | -1 | jdbc:postgresql://h/db | 10 | --shutdown-grace-seconds
      non-PostgreSQL URL          | localhost | 8080  | 1048576 | 10 | jdbc:mysql://h/db      | 10 | --db-url
      pool of zero                | localhost | 8080  | 1048576 | 10 | jdbc:postgresql://h/db | 0  | --db-pool-size
      """)
  void rejectsBadValuesNamingTheOption(String why, String host, int port, long maxBody,
      int grace, String url, int pool, String option) {
    HotbeatException e = assertThrows(HotbeatException.class,
        () -> config(host, port, maxBody, grace, url, pool));
    assertTrue(e.getMessage().contains(option), e.getMessage());
  }

  @Test
  void aBlankDatabaseUrlMeansEmbedded() {
    assertTrue(config("localhost", 8080, 1 << 20, 10, " ", 10).embeddedDatabase());
  }

  @Test
  void toStringNeverShowsThePassword() {
    String s = config("localhost", 8080, 1 << 20, 10, "jdbc:postgresql://h/db", 10).toString();
    assertFalse(s.contains("secret"), s);
  }
}
