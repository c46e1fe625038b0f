package org.hotbeat.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotbeat.demo.DemoCity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo-data", mixinStandardHelpOptions = true,
    description = {"Generate the demo city: streets (OSM XML), beats (GeoJSON), incidents (CSV) "
        + "and the planted truth (truth.json).",
        "The same seed and count always give the same files; see docs/demo-data.md."})
final class DemoDataCommand implements Callable<Integer> {
  @Option(names = "--seed", paramLabel = "N", converter = SeedConverter.class,
      description = "Seed of the random choices (hotspots, incidents); a whole number. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed = 1;

  @Option(names = "--incidents", paramLabel = "N",
      description = "Number of incident rows to write, 1 to 100000000 (bad rows included). "
          + "Default: ${DEFAULT-VALUE}.")
  long incidents = 200_000;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (created if missing; earlier files are replaced). "
          + "Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("var/demo-city");

  @Override
  public Integer call() {
    boolean showProgress = incidents >= 1_000_000;
    int[] lastTenth = {0};
    long started = System.nanoTime();
    DemoCity.Result r = DemoCity.generate(seed, incidents, out, done -> {
      int tenth = (int) (done * 10);
      if (showProgress && tenth > lastTenth[0]) {
        lastTenth[0] = tenth;
        System.err.printf("demo-data: %d%%%n", tenth * 10);
      }
    });
    System.out.printf(Locale.ROOT, "wrote %s: %d street ways, %d beats, %d incidents (%d bad on purpose) "
        + "in %.1f s%n", r.folder(), r.streetWays(), r.beats(), r.incidents(), r.badRows(),
        (System.nanoTime() - started) / 1e9);
    return 0;
  }

  /** Accepts a whole number, with a message that says so. */
  static final class SeedConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a whole number");
      }
    }
  }
}
