package org.hotbeat.patrol;

/**
 * A plan request the planner cannot serve as asked: an unknown beat (404), a beat code several
 * agencies use (400), a station off the street network (422), an area too large (413). The web
 * layer answers with the status, naming the field.
 */
public final class PlanException extends RuntimeException {
  private final int status;
  private final String field;

  public PlanException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public int status() {
    return status;
  }

  /** The request field at fault, e.g. {@code area.beat} or {@code units[1].start}. */
  public String field() {
    return field;
  }
}
