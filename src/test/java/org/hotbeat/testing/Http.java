package org.hotbeat.testing;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.javalin.testtools.TestConfig;
import java.net.http.HttpClient;
import java.util.Map;

/**
 * {@link JavalinTest} without its extra cookie-clearing route (which declares no role, so our
 * access control rightly refuses it) and with logs left visible.
 */
public final class Http {
  private Http() {}

  public static void test(Javalin app, TestCase testCase) {
    JavalinTest.test(app, new TestConfig(false, false, HttpClient.newHttpClient(), Map.of()),
        testCase);
  }
}
