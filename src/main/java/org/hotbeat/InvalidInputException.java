package org.hotbeat;

/**
 * Input the caller got wrong, naming the field (a query parameter, a JSON path such as
 * {@code units[1].start}, a CLI option). The web layer answers 400, the CLI prints one line.
 */
public class InvalidInputException extends HotbeatException {
  private final String field;
  private final String reason;

  public InvalidInputException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  /** The message without the field name. */
  public String reason() {
    return reason;
  }
}
