package org.hotbeat.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.TooManyRequestsResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.hotbeat.access.TokenRepository.Caller;
import org.hotbeat.config.Limits;

/**
 * Keeps one client or a burst of analyses from starving the rest: each client (its token or
 * signed-in user, or its socket address without either: never a forwarded header, which a client
 * can forge) has a budget of requests per minute and, within it, of analyses; over budget it gets
 * 429 with {@code Retry-After}. Analyses also take one of a few slots, so tiles and health keep their
 * threads while heavy work queues; one that waits too long for a slot gets 503 "busy".
 * Thread-safe.
 */
final class RequestBudgets {
  /** How long an analysis waits for a slot before it is told the server is busy. */
  static final long SLOT_WAIT_SECONDS = 10;
  /** Buckets kept before full (idle) ones are dropped. */
  private static final int MAX_CLIENTS = 10_000;

  private final Buckets requests;
  private final Buckets analyses;
  private final Semaphore slots;

  RequestBudgets(Limits limits) {
    this(limits, System::nanoTime);
  }

  RequestBudgets(Limits limits, LongSupplier nanoTime) {
    this.requests = new Buckets(limits.requestsPerMinute(), nanoTime);
    this.analyses = new Buckets(limits.analysesPerMinute(), nanoTime);
    this.slots = new Semaphore(limits.concurrentAnalyses(), true);
  }

  /** Charges every matched route to its client's request budget (after access control). */
  void register(JavalinConfig config) {
    config.routes.beforeMatched(ctx -> {
      if (ctx.endpoints().matchedHttpEndpoint() != null) {
        charge(ctx, requests, "requests");
      }
    });
  }

  /** Wraps an analysis route: charged to the analysis budget, run in one of the slots. */
  Handler analysis(Handler handler) {
    return ctx -> {
      charge(ctx, analyses, "analyses");
      if (!slots.tryAcquire(SLOT_WAIT_SECONDS, TimeUnit.SECONDS)) {
        ctx.header("Retry-After", "5");
        throw new ServiceUnavailableResponse("the server is busy with other analyses; try again "
            + "shortly");
      }
      try {
        handler.handle(ctx);
      } finally {
        slots.release();
      }
    };
  }

  private static void charge(Context ctx, Buckets buckets, String what) {
    long waitSeconds = buckets.take(client(ctx));
    if (waitSeconds > 0) {
      ctx.header("Retry-After", Long.toString(waitSeconds));
      throw new TooManyRequestsResponse("too many " + what + " from this client: at most "
          + buckets.perMinute + " a minute; try again in " + waitSeconds + " s");
    }
  }

  private static String client(Context ctx) {
    Caller caller = AccessControl.caller(ctx);
    if (caller == Caller.ANONYMOUS) {
      return "ip:" + ctx.req().getRemoteAddr();
    }
    // A user and a token of the same name are different clients.
    return caller.via().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.name();
  }

  /** Token buckets holding up to a minute's budget, refilled continuously. */
  private static final class Buckets {
    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> byClient = new ConcurrentHashMap<>();

    Buckets(int perMinute, LongSupplier nanoTime) {
      this.perMinute = perMinute;
      this.nanoTime = nanoTime;
    }

    /** Takes one token; 0 if there was one, else the seconds until there will be. */
    long take(String client) {
      long now = nanoTime.getAsLong();
      if (byClient.size() > MAX_CLIENTS) {
        forgetIdle(now);
      }
      Bucket b = byClient.computeIfAbsent(client, k -> new Bucket(perMinute, now));
      synchronized (b) {
        refill(b, now);
        if (b.tokens >= 1) {
          b.tokens -= 1;
          return 0;
        }
        return (long) Math.ceil((1 - b.tokens) * 60.0 / perMinute);
      }
    }

    private void refill(Bucket b, long now) {
      b.tokens = Math.min(perMinute, b.tokens + (now - b.at) / 60e9 * perMinute);
      b.at = now;
    }

    private void forgetIdle(long now) {
      for (Iterator<Bucket> it = byClient.values().iterator(); it.hasNext(); ) {
        Bucket b = it.next();
        synchronized (b) {
          refill(b, now);
          if (b.tokens >= perMinute) {
            it.remove();
          }
        }
      }
    }
  }

  /** Tokens left and when they were counted (System.nanoTime). */
  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
