package org.hotbeat;

/** An unknown beat, problem, meeting, plan or tile; the web layer answers 404. */
public class NotFoundException extends HotbeatException {
  public NotFoundException(String message) {
    super(message);
  }
}
