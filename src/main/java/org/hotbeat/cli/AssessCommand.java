package org.hotbeat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotbeat.HotbeatException;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.community.AreaSpec;
import org.hotbeat.community.Assessment;
import org.hotbeat.community.AssessmentPlot;
import org.hotbeat.community.AssessmentRequest;
import org.hotbeat.community.AssessmentService;
import org.hotbeat.community.Measure;
import org.hotbeat.community.Period;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.ManagedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "assess", mixinStandardHelpOptions = true,
    description = {"Assess a response: incidents in the response area, a buffer ring around it "
        + "and a control area, before and after; the Weighted Displacement Quotient (Bowers & "
        + "Johnson 2003) and the relative effect size with its 95 % interval. See "
        + "docs/community.md."})
final class AssessCommand implements Callable<Integer> {
  @Mixin DatabaseOptions db;
  @Spec CommandSpec spec;

  @Option(names = "--response", required = true, paramLabel = "BEAT|FILE",
      description = "The response area: a beat code, or a GeoJSON file holding one polygon.")
  String response;

  @Option(names = "--buffer-m", required = true, paramLabel = "M",
      description = "Width of the buffer ring around the response area, in metres.")
  double bufferMetres;

  @Option(names = "--control", required = true, paramLabel = "BEAT|FILE",
      description = "The control area: a beat code or a GeoJSON file.")
  String control;

  @Option(names = "--before", required = true, paramLabel = "FROM/TO",
      description = "The period before the response (ISO dates, TO exclusive).")
  String before;

  @Option(names = "--after", required = true, paramLabel = "FROM/TO",
      description = "The period after it starts; the same length as --before.")
  String after;

  @Option(names = "--normalise", description = "Allow periods of different lengths (counts are "
      + "then also given per day).")
  boolean normalise;

  @Option(names = "--categories", split = ",", paramLabel = "C",
      description = "Incident categories (comma-separated; default: all).")
  List<String> categories;

  @Option(names = "--agency", paramLabel = "A", description = "The agency (default: the only one).")
  String agency;

  @Option(names = "--format", paramLabel = "F", description = "text or json. "
      + "Default: ${DEFAULT-VALUE}.")
  String format = "text";

  @Option(names = "--plot", paramLabel = "FILE.svg", description = "Write the monthly series.")
  Path plot;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      throw new HotbeatException("--format must be text or json");
    }
    Assessment a;
    try (ManagedDatabase store = ManagedDatabase.open(ConfigOptions.toConfig(db),
        EmbeddedPostgres.Sharing.JOIN_RUNNING, null)) {
      a = new AssessmentService(store.database().dataSource()).assess(new AssessmentRequest(
          agency, area(response), bufferMetres,
          area(control), Period.parse("--before", before),
          Period.parse("--after", after), categories, normalise));
    } catch (InvalidInputException | NotFoundException e) {
      throw new HotbeatException(e.getMessage()
          .replace("bufferMetres:", "--buffer-m:").replace("normalise", "--normalise"));
    }
    java.io.PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(new ObjectMapper().registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(a));
    } else {
      out.print(text(a));
    }
    out.flush();
    if (plot != null) {
      Files.writeString(plot, AssessmentPlot.svg(a));
    }
    return 0;
  }

  /** A beat code, or the GeoJSON in {@code value} when it names a file (the service reads it). */
  private static AreaSpec area(String value) throws java.io.IOException {
    Path p = Path.of(value);
    return Files.isRegularFile(p) ? AreaSpec.polygon(Files.readString(p)) : AreaSpec.beat(value);
  }

  static String text(Assessment a) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "agency %s (%s); before %s, after %s (TO exclusive); categories: %s%n%n", a.agency(),
        a.timeZone(), a.before(), a.after(),
        a.categories().isEmpty() ? "all" : String.join(", ", a.categories())));
    s.append(String.format(Locale.ROOT, "%-10s %-36s %8s %8s %8s%n", "area", "", "km²", "before",
        "after"));
    row(s, "response", a.areas().response());
    row(s, "buffer", a.areas().buffer());
    row(s, "control", a.areas().control());
    var w = a.wdq();
    s.append(String.format(Locale.ROOT, "%nsuccess measure      %s%nbuffer displacement  %s%n"
        + "WDQ                  %s%ntotal net effect     %s incidents%n  → %s%n",
        show(w.successMeasure()), show(w.bufferDisplacement()), show(w.wdq()),
        show(w.totalNetEffect()), w.interpretation()));
    var r = a.res();
    s.append(String.format(Locale.ROOT, "relative effect size %s (95 %% interval %s to %s)%s%n",
        show(r.res()), show(r.lower()), show(r.upper()), r.significant() == null ? ""
            : r.significant() ? ": the interval excludes 1"
            : ": the interval includes 1, a change of this size could be chance"));
    if (r.change().defined()) {
      s.append(String.format(Locale.ROOT, "  → the response area had %.0f %% %s incidents than "
          + "the control area's trend predicts%n", Math.abs(100 * r.change().value()),
          r.change().value() < 0 ? "fewer" : "more"));
    }
    a.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
    return s.toString();
  }

  private static void row(StringBuilder s, String name, Assessment.AreaResult r) {
    s.append(String.format(Locale.ROOT, "%-10s %-36s %8.2f %8d %8d%n", name, r.label(), r.km2(),
        r.before(), r.after()));
  }

  private static String show(Measure m) {
    return m.defined() ? String.format(Locale.ROOT, "%.4f", m.value())
        : "undefined (" + m.undefined() + ")";
  }
}
