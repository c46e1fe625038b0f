package org.hotbeat;

/**
 * Well-formed input that the data cannot serve, naming the field: a station off the street
 * network, a beat whose outline is too small for any hotspot. The web layer answers 422.
 */
public class UnprocessableInputException extends HotbeatException {
  private final String field;

  public UnprocessableInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
