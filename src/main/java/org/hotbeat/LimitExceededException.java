package org.hotbeat;

/**
 * A request that asks for more work or data than a configured limit allows: too many grid cells,
 * incidents, rows or bytes. It names the limit (its option name, e.g. {@code max-analysis-cells})
 * so the caller learns what bounds it and the operator what to raise. The web layer answers 413.
 */
public class LimitExceededException extends HotbeatException {
  private final String limit;

  /**
   * @param limit the option name of the limit that was hit
   * @param message what was asked for, what the limit is, and how to stay within it
   */
  public LimitExceededException(String limit, String message) {
    super(message + " (limit " + limit + ")");
    this.limit = limit;
  }

  public String limit() {
    return limit;
  }
}
