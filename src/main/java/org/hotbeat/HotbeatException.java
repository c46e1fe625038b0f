package org.hotbeat;

/**
 * A fault the user can act on (bad configuration, a missing package, a busy port). Its message is
 * printed as it is, without a stack trace, so it must say what happened and what to do.
 */
public class HotbeatException extends RuntimeException {
  public HotbeatException(String message) {
    super(message);
  }

  public HotbeatException(String message, Throwable cause) {
    super(message, cause);
  }
}
