package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error response in RFC 9457 form ({@code application/problem+json}).
 *
 * @param type URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param errors one entry per bad field or parameter, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String instance,
    List<FieldError> errors) {
  public static final String CONTENT_TYPE = "application/problem+json";

  /** What is wrong with one field, query parameter or input row. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(String field, String message) {}
}
