package org.hotbeat.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On {@link CommunityFixture}'s made-up beats. */
class AssessmentServiceTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static AssessmentService service;

  @BeforeAll
  static void setUp() throws Exception {
    CommunityFixture.load(db.dataSource());
    service = new AssessmentService(db.dataSource());
  }

  private static AssessmentRequest request(AreaSpec response, AreaSpec control, String before,
      String after, List<String> categories, boolean normalise) {
    return new AssessmentRequest(null, response, 200, control, Period.parse("before", before),
        Period.parse("after", after), categories, normalise);
  }

  private static AssessmentRequest thefts(AreaSpec response, AreaSpec control) {
    return request(response, control, CommunityFixture.BEFORE, CommunityFixture.AFTER,
        List.of("theft"), false);
  }

  @Test
  void countsEachAreaOnceAndGivesTheMeasuresWorkedByHand() throws Exception {
    Assessment a = service.assess(thefts(AreaSpec.beat("R"), AreaSpec.beat("C")));
    // R: 10 + 1 on the edge before, 5 after; ring: 4, 6; C: 20, 20; the far point f nowhere.
    assertEquals(11, a.areas().response().before());
    assertEquals(5, a.areas().response().after());
    assertEquals(4, a.areas().buffer().before());
    assertEquals(6, a.areas().buffer().after());
    assertEquals(20, a.areas().control().before());
    assertEquals(20, a.areas().control().after());
    // SM = 5/20 − 11/20 = −0.3; BDM = 6/20 − 4/20 = 0.1; WDQ = −1/3; RES = 11·20/(5·20) = 2.2
    assertEquals(-0.3, a.wdq().successMeasure().value(), 1e-12);
    assertEquals(0.1, a.wdq().bufferDisplacement().value(), 1e-12);
    assertEquals(-1 / 3.0, a.wdq().wdq().value(), 1e-12);
    assertEquals(2.2, a.res().res().value(), 1e-12);
    assertTrue(a.wdq().interpretation().contains("net success"), a.wdq().interpretation());
    // a 200 m ring around a 1.11 km square: (1.11 + 0.4)² − 1.11² − (4 − π)·0.2² ≈ 0.99 km²
    assertEquals(0.99, a.areas().buffer().km2(), 0.03);
  }

  @Test
  void theMonthlySeriesCoversBothPeriodsAndAddsUpToTheirCounts() throws Exception {
    Assessment a = service.assess(thefts(AreaSpec.beat("R"), AreaSpec.beat("C")));
    assertEquals(List.of("2017-01", "2017-02", "2017-03", "2017-04", "2017-05", "2017-06"),
        a.months().stream().map(Assessment.Month::month).toList());
    assertEquals(16, a.months().stream().mapToLong(Assessment.Month::response).sum());
    assertEquals(10, a.months().stream().mapToLong(Assessment.Month::buffer).sum());
    assertEquals(11, a.months().get(1).response());
    assertEquals(java.time.LocalDate.of(2017, 4, 1), a.responseStart());
    String svg = AssessmentPlot.svg(a);
    assertTrue(svg.contains("response starts 2017-04-01"), svg);
    assertEquals(3, svg.split("<polyline").length - 1);
  }

  @Test
  void categoriesNarrowTheCount() throws Exception {
    Assessment all = service.assess(request(AreaSpec.beat("R"), AreaSpec.beat("C"),
        CommunityFixture.BEFORE, CommunityFixture.AFTER, List.of(), false));
    assertEquals(14, all.areas().response().before(), "11 thefts and 3 robberies");
  }

  @Test
  void aPolygonCountsLikeTheBeatItTraces() throws Exception {
    String square = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.01,0],[0.01,0.01],"
        + "[0,0.01],[0,0]]]}";
    Assessment a = service.assess(thefts(AreaSpec.polygon(square), AreaSpec.beat("C")));
    assertEquals(11, a.areas().response().before());
    assertEquals("polygon", a.areas().response().label());
  }

  @Test
  void aControlBesideTheResponseAreaOverlapsItsBufferAndIsRefusedNamingBoth() {
    var e = assertThrows(InvalidInputException.class,
        () -> service.assess(thefts(AreaSpec.beat("R"), AreaSpec.beat("N"))));
    assertEquals("control", e.field());
    assertTrue(e.getMessage().contains("beat N") && e.getMessage().contains("overlaps the buffer")
        && !e.getMessage().contains("overlaps the response"), e.getMessage());
    var same = assertThrows(InvalidInputException.class,
        () -> service.assess(thefts(AreaSpec.beat("R"), AreaSpec.beat("R"))));
    assertTrue(same.getMessage().contains("overlaps the response area"), same.getMessage());
  }

  @Test
  void periodsOfDifferentLengthsAreRefusedUnlessNormalisedAndThenSaidSo() throws Exception {
    var e = assertThrows(InvalidInputException.class, () -> service.assess(request(
        AreaSpec.beat("R"), AreaSpec.beat("C"), "2017-01-01/2017-04-01", "2017-04-01/2017-07-01",
        List.of("theft"), false)));
    assertTrue(e.getMessage().contains("91 days but 'before' lasts 90"), e.getMessage());
    Assessment a = service.assess(request(AreaSpec.beat("R"), AreaSpec.beat("C"),
        "2017-01-01/2017-04-01", "2017-04-01/2017-07-01", List.of("theft"), true));
    assertEquals(11 / 90.0, a.areas().response().beforePerDay(), 1e-12);
    assertTrue(a.notes().get(0).contains("90 days before, 91 after"), a.notes().toString());
    var overlap = assertThrows(InvalidInputException.class, () -> service.assess(request(
        AreaSpec.beat("R"), AreaSpec.beat("C"), "2017-01-01/2017-04-01", "2017-03-01/2017-05-30",
        List.of(), false)));
    assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
  }

  @Test
  void unknownBeatsAndUnreadablePolygonsAreClearErrors() {
    var unknown = assertThrows(NotFoundException.class,
        () -> service.assess(thefts(AreaSpec.beat("R"), AreaSpec.beat("Q"))));
    assertTrue(unknown.getMessage().contains("no beat Q"), unknown.getMessage());
    String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.01,0.01],[0.01,0],"
        + "[0,0.01],[0,0]]]}";
    var invalid = assertThrows(InvalidInputException.class,
        () -> service.assess(thefts(AreaSpec.polygon(bowtie), AreaSpec.beat("C"))));
    assertTrue(invalid.getMessage().contains("not a valid polygon"), invalid.getMessage());
    var garbage = assertThrows(InvalidInputException.class,
        () -> service.assess(thefts(AreaSpec.polygon("{\"type\":\"Polygon\"}"),
            AreaSpec.beat("C"))));
    assertEquals("response", garbage.field());
  }

  @Test
  void anEmptyControlPeriodLeavesTheMeasuresUndefinedWithReasons() throws Exception {
    Assessment a = service.assess(request(AreaSpec.beat("R"), AreaSpec.beat("C"),
        "2016-01-01/2016-04-01", "2016-04-01/2016-07-01", List.of("theft"), false));
    assertFalse(a.wdq().wdq().defined());
    assertFalse(a.res().res().defined());
    assertTrue(a.res().res().undefined().contains("no incidents"), a.res().res().undefined());
  }

  @Test
  void controlSuggestionsLeaveOutTheResponseBeatAndItsNeighbours() throws Exception {
    var s = new ControlCandidates(db.dataSource()).suggest(null, "R",
        Period.parse("before", CommunityFixture.BEFORE), 200, List.of("theft"), 10);
    assertEquals(List.of("C"), s.candidates().stream().map(ControlCandidates.Candidate::beat)
        .toList());
    // R: 11 thefts in February of three months; C: 20 in January
    assertEquals(11 / 3.0, s.monthlyMean(), 1e-12);
    assertEquals(20 / 3.0, s.candidates().get(0).monthlyMean(), 1e-12);
  }
}
