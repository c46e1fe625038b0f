package org.hotbeat;

/**
 * Input in a format or encoding hotbeat does not read (a Content-Type or Content-Encoding of an
 * upload), naming what would be accepted. The web layer answers 415.
 */
public class UnsupportedFormatException extends HotbeatException {
  public UnsupportedFormatException(String message) {
    super(message);
  }
}
