package org.hotbeat.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotbeat.cli.HotbeatCommand;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hotbeat demo-data} through the real command line: good and bad input. */
class DemoDataCommandTest {
  private record Run(int code, String err) {}

  private static Run run(String... args) {
    CommandLine cl = HotbeatCommand.commandLine(Map.of());
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    return new Run(cl.execute(args), err.toString());
  }

  private static void assertNoStackTrace(Run r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
  }

  @Test
  void writesTheFourFilesIntoTheOutputFolder() {
    Path out = TestDirs.fresh("demo-data-cli").resolve("new/city");
    Run r = run("demo-data", "--seed", "5", "--incidents", "500", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    for (String f : new String[] {DemoCity.STREETS_FILE, DemoCity.BEATS_FILE,
        DemoCity.INCIDENTS_FILE, DemoCity.TRUTH_FILE}) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
  }

  @Test
  void zeroOrNegativeIncidentsAreRefusedWithOneLine() {
    Path out = TestDirs.fresh("demo-data-zero");
    Run zero = run("demo-data", "--incidents", "0", "--out", out.toString());
    assertEquals(1, zero.code());
    assertEquals("hotbeat: --incidents must be between 1 and 100000000, got 0",
        zero.err().strip());
    Run negative = run("demo-data", "--incidents=-5", "--out", out.toString());
    assertEquals(1, negative.code());
    assertEquals("hotbeat: --incidents must be between 1 and 100000000, got -5",
        negative.err().strip());
    assertNoStackTrace(negative);
  }

  @Test
  void aSeedThatIsNotANumberIsRefused() {
    Run r = run("demo-data", "--seed", "forty-two", "--out",
        TestDirs.fresh("demo-data-seed").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Invalid value for option '--seed': 'forty-two' is not a whole "
        + "number"), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void anOutputFolderThatCannotBeCreatedIsRefused() throws Exception {
    Path file = TestDirs.fresh("demo-data-unwritable").resolve("a-file");
    Files.writeString(file, "not a folder");
    Run r = run("demo-data", "--incidents", "10", "--out", file.resolve("city").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("hotbeat: cannot create the output folder "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void anOutputFolderWithoutWritePermissionIsRefused() throws Exception {
    Path dir = TestDirs.fresh("demo-data-read-only").resolve("locked");
    Files.createDirectories(dir);
    assertTrue(dir.toFile().setWritable(false, false));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(dir),
          "running as root: permissions do not stop writes");
      Run r = run("demo-data", "--incidents", "10", "--out", dir.toString());
      assertEquals(1, r.code());
      assertTrue(r.err().contains("permission denied"), r.err());
      assertNoStackTrace(r);
    } finally {
      dir.toFile().setWritable(true, false);
    }
  }
}
