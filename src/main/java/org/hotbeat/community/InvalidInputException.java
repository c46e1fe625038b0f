package org.hotbeat.community;

/** Input the caller got wrong, naming the field; the web layer answers 400, the CLI one line. */
public final class InvalidInputException extends IllegalArgumentException {
  private final String field;

  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The message without the field name. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}
