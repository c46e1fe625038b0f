package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.SharedData;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real file of {@code ../shared/data} imports with its shipped mapping, and the rejects are
 * exactly the quirks its README lists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealDataImportTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private final IngestService ingest = new IngestService(db.dataSource(), Clock.systemUTC());

  private ImportReport load(Path file, String mapping, Map<String, Long> reasons)
      throws Exception {
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file),
        1 << 16), 1 << 16); RecordReader r = InputFormat.CSV.open(in)) {
      return ingest.ingest(r, Mappings.load(mapping), null, null,
          new IngestService.Source(file.getFileName().toString(), "test"),
          new IngestService.Listener() {
            @Override
            public void issue(ImportReport.RowIssue issue) {
              String kind = issue.reason().startsWith("placeholder point (-91.68")
                  ? "placeholder" : issue.reason();
              reasons.merge(kind, 1L, Long::sum);
            }
          });
    }
  }

  /** The README's counts: rows, rows without coordinates, rows with the placeholder point. */
  @ParameterizedTest(name = "Chicago {0}")
  @Order(1)
  @CsvSource(textBlock = """
      2013, 307030,  689, 9
      2014, 275200, 1486, 5
      2015, 263929, 6036, 0
      2016, 268813, 1586, 0
      2017, 267792, 2797, 0
      """)
  void chicagoYearsImportWithOnlyTheDocumentedRejects(int year, long rows, long noCoordinates,
      long placeholders) throws Exception {
    Path file = SharedData.require("chicago/incidents/chicago_crimes_" + year + ".csv.gz");
    Map<String, Long> reasons = new TreeMap<>();
    ImportReport r = load(file, "chicago", reasons);
    assertEquals(rows, r.rows());
    assertEquals(noCoordinates, reasons.getOrDefault("no coordinates", 0L), reasons.toString());
    assertEquals(placeholders, reasons.getOrDefault("placeholder", 0L), reasons.toString());
    assertEquals(noCoordinates + placeholders, r.rejected(), reasons.toString());
    assertEquals(0, r.duplicates(), "IDs are unique");
    assertEquals(rows - r.rejected(), r.inserted());
  }

  @Test
  @Order(2)
  void reimportingAChicagoYearChangesNothing() throws Exception {
    Path file = SharedData.require("chicago/incidents/chicago_crimes_2013.csv.gz");
    ImportReport r = load(file, "chicago", new TreeMap<>());
    assertEquals(0, r.inserted());
    assertEquals(0, r.updated());
    assertEquals(307030 - 698, r.unchanged());
  }

  @Test
  @Order(3)
  void northumbriaImportsWithOnlyTheRowsWithoutCoordinatesRejected() throws Exception {
    Path file = SharedData.require("northumbria/northumbria-street_2020-05_2022-08.csv.gz");
    Map<String, Long> reasons = new TreeMap<>();
    ImportReport r = load(file, "police-uk", reasons);
    assertEquals(434_274, r.rows());
    assertEquals(Map.of("no coordinates", 574L), reasons);
    assertEquals(434_274 - 574, r.inserted(), "anti-social behaviour rows get their own ids");
  }
}
