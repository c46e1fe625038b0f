package org.hotbeat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhaseProgressBarTest {
  @Test
  void offATerminalEachPhasePrintsOneFinishedLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PhaseProgressBar bar = new PhaseProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    bar.phase("building the street graph", 0);
    bar.phase("writing streets", 8);
    bar.advance(3);
    bar.finish();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length, String.join("|", lines));
    assertTrue(lines[0].matches("building the street graph +\\d+\\.\\d s"), lines[0]);
    assertTrue(lines[1].contains("[" + "#".repeat(30) + "] 100% 8/8"), lines[1]);
  }

  @Test
  void aBarShowsTheShareDone() {
    PhaseProgressBar bar = new PhaseProgressBar(new PrintStream(new ByteArrayOutputStream()), false);
    bar.phase("writing streets", 1000);
    bar.advance(250);
    assertTrue(bar.line().contains("[" + "#".repeat(7) + " ".repeat(23) + "]  25% 250/1,000"),
        bar.line());
  }
}
