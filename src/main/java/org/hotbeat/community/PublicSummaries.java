package org.hotbeat.community;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.hotbeat.NotFoundException;

/**
 * Sets the {@code publicSummary} of a problem, note or response: the only text of the problem
 * log a public output shows (docs/privacy.md), written by an officer for the public, scrubbed
 * again by {@link PublicText#scrub} wherever it is shown. Audited like every change.
 * Thread-safe.
 */
public final class PublicSummaries {
  /** Longest public summary, in characters. */
  public static final int MAX_LENGTH = 1000;

  private record Kind(String entity, String table) {}

  private static final Map<String, Kind> KINDS = Map.of(
      "problems", new Kind("problem", "community_problem"),
      "notes", new Kind("note", "community_note"),
      "responses", new Kind("response", "community_response"));

  private final DataSource dataSource;

  public PublicSummaries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Sets (or with null, withdraws) the public summary of record {@code id} of
   * {@code kind} ({@code problems}, {@code notes} or {@code responses}).
   */
  public void set(String kind, long id, String summary, String by) throws SQLException {
    Kind k = KINDS.get(kind);
    if (k == null) {
      throw new NotFoundException("no " + kind + ": public summaries are set on problems, notes "
          + "and responses");
    }
    Checks.text("publicSummary", summary, MAX_LENGTH);
    String text = summary == null ? null : summary.strip();
    Transactions.inTransaction(dataSource, c -> {
      if (AuditRepository.snapshot(c, k.table(), id) == null) {
        throw new NotFoundException("no " + k.entity() + " " + id);
      }
      AuditRepository.updated(c, k.entity(), k.table(), id, by, () -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + k.table()
            + " SET public_summary = ? WHERE id = ?")) {
          ps.setString(1, text);
          ps.setLong(2, id);
          ps.executeUpdate();
        }
      });
      return null;
    });
  }
}
