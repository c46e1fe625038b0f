package org.hotbeat.community;

/** An unknown beat, problem or meeting; the web layer answers 404. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
