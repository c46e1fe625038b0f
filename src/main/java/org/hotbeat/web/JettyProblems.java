package org.hotbeat.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a malformed request line, a URI or headers too long: 400, 414, 431, raised
 * before any route runs) as problem+json like every other error, instead of Jetty's HTML page.
 * The text is Jetty's reason phrase, never a Java class or stack trace.
 */
final class JettyProblems extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetail.CONTENT_TYPE);
    response.write(true, body(code, request.getHttpURI().getPath()), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ProblemDetail.CONTENT_TYPE));
    return body(status, null);
  }

  private static ByteBuffer body(int status, String path) {
    String title = HttpStatus.getMessage(status);
    String json = "{\"type\":\"about:blank\",\"title\":" + quoted(title) + ",\"status\":" + status
        + ",\"detail\":" + quoted(detail(status, title))
        + (path == null ? "" : ",\"instance\":" + quoted(path)) + "}";
    return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String detail(int status, String title) {
    return switch (status) {
      case 414 -> "the URI is too long: send the filter in fewer or shorter parameters";
      case 431 -> "the request headers are too large";
      case 400 -> "the request is malformed (" + title.toLowerCase(java.util.Locale.ROOT) + ")";
      default -> title;
    };
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
