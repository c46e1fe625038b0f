package org.hotbeat.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotbeat.InvalidInputException;

/**
 * The JSON mapper of the app: writes as Jackson does, and reads request bodies strictly. A body
 * that is empty, {@code null}, or not the JSON a route expects is an {@link InvalidInputException}
 * naming the JSON path of the fault (e.g. {@code units[0].start}) in plain words, never a Java
 * type; no handler has to check for a null body. Thread-safe.
 */
final class JsonBodies implements JsonMapper {
  private final ObjectMapper mapper;
  private final JavalinJackson writer;

  JsonBodies(ObjectMapper mapper) {
    this.mapper = mapper;
    this.writer = new JavalinJackson(mapper, false);
  }

  @Override
  public String toJsonString(Object obj, Type type) {
    return writer.toJsonString(obj, type);
  }

  @Override
  public InputStream toJsonStream(Object obj, Type type) {
    return writer.toJsonStream(obj, type);
  }

  @Override
  public void writeToOutputStream(java.util.stream.Stream<?> stream,
      java.io.OutputStream outputStream) {
    writer.writeToOutputStream(stream, outputStream);
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    if (json == null || json.isBlank()) {
      throw new InvalidInputException("body", "is empty: send " + expected(javaType(type)));
    }
    try {
      JsonNode tree = mapper.readTree(json);
      String nul = nulPath(tree, "");
      if (nul != null) {
        throw new InvalidInputException(nul.isEmpty() ? "body" : nul, "contains a NUL byte "
            + "(\\u0000), which no text field can hold");
      }
      return notNull(mapper.readerFor(javaType(type)).readValue(tree), type);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The JSON path of the first text (value or field name) holding a NUL, or null. */
  private static String nulPath(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') >= 0 ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = nulPath(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        String found = e.getKey().indexOf('\0') >= 0 ? at : nulPath(e.getValue(), at);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Override
  public <T> T fromJsonStream(InputStream json, Type type) {
    try {
      return notNull(mapper.readValue(json, javaType(type)), type);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The field and plain reason of a body Jackson could not read. */
  static InvalidInputException invalid(JsonProcessingException e) {
    if (e instanceof JsonParseException p) {
      return new InvalidInputException("body", "is not valid JSON (line "
          + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")");
    }
    String field = e instanceof JsonMappingException m ? path(m) : "body";
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<Object> known = u.getKnownPropertyIds();
      return new InvalidInputException(field, "is not a field of this request"
          + (known == null || known.isEmpty() ? "" : "; the fields are " + known.stream()
              .map(String::valueOf).sorted().collect(Collectors.joining(", "))));
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return new InvalidInputException(field, "must be " + expected(
          m.getTargetType()));
    }
    if (e.getCause() instanceof InvalidInputException own) {
      return own;
    }
    return new InvalidInputException(field, "has a value this request cannot take");
  }

  private <T> T notNull(T value, Type type) {
    if (value == null) {
      throw new InvalidInputException("body", "is null: send " + expected(javaType(type)));
    }
    return value;
  }

  private JavaType javaType(Type type) {
    return mapper.getTypeFactory().constructType(type);
  }

  private static String expected(JavaType t) {
    return expected(t.getRawClass());
  }

  private static String expected(Class<?> c) {
    if (c == String.class || c == Character.class || c == char.class) {
      return "text";
    }
    if (c == Boolean.class || c == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(c) || (c.isPrimitive() && c != void.class)) {
      return "a number";
    }
    if (c.isArray() || Collection.class.isAssignableFrom(c)) {
      return "a JSON array";
    }
    if (c.isEnum()) {
      return "one of " + java.util.Arrays.stream(c.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(c)) {
      return "a date or time as text";
    }
    return Map.class.isAssignableFrom(c) || !c.getName().startsWith("java.") ? "a JSON object"
        : "a value of another kind";
  }

  /** {@code units[0].start} from Jackson's reference chain; "body" for the whole body. */
  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.length() == 0 ? "body" : b.toString();
  }
}
