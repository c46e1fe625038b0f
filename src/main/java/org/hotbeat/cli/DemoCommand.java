package org.hotbeat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hotbeat.HotbeatException;
import org.hotbeat.access.Accounts;
import org.hotbeat.access.Passwords;
import org.hotbeat.access.Role;
import org.hotbeat.access.TokenRepository;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.demo.BuiltInSample;
import org.hotbeat.demo.DemoCity;
import org.hotbeat.demo.DemoLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Load the demo data, then serve the map as 'serve' does.",
        "loop: real downtown Chicago (data/demo/chicago-loop); generated: the generated city "
            + "(made on first use in var/demo-city). Loading again changes nothing.",
        "Prints a fresh analyst token for scripts (named '" + DemoCommand.TOKEN_NAME + "'; the "
            + "previous one is revoked) and one-time sign-in links for the account '"
            + DemoCommand.TOKEN_NAME + "' (each works once, for a few minutes)."})
final class DemoCommand implements Callable<Integer> {
  static final String TOKEN_NAME = "demo-analyst";

  @Mixin ServerOptions server;
  @Mixin DatabaseOptions db;
  @Mixin StreetOptions streets;
  @Mixin LimitOptions limits;
  @Mixin IngestOptions ingest;
  @Mixin PatrolOptions patrol;
  @Mixin AccessOptions access;

  @Option(names = "--city", paramLabel = "CITY",
      description = "loop or generated. Default: ${DEFAULT-VALUE}.")
  String city = "loop";

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the demo data sets are. Default: ${DEFAULT-VALUE}.")
  Path dataDir = Path.of("data/demo");

  @Override
  public Integer call() throws Exception {
    DemoLoader.DataSet set = switch (city) {
      case "loop" -> DemoLoader.DataSet.chicagoLoop(dataDir.resolve("chicago-loop"));
      case "generated" -> DemoLoader.DataSet.generatedCity(Path.of("var/demo-city"));
      default -> throw new HotbeatException("--city must be loop or generated, not '" + city + "'");
    };
    if (city.equals("generated") && !Files.exists(set.folder().resolve(DemoCity.INCIDENTS_FILE))) {
      System.out.println("demo: generating the demo city in " + set.folder());
      DemoCity.generate(1, 200_000, set.folder(), done -> { });
    }
    String[] token = new String[1];
    String[] links = new String[2];
    HotbeatConfig config = ConfigOptions.toConfig(db, server, streets, limits, ingest,
        patrol, access);
    return ServerRunner.run(config, (store, services) -> {
      if (Files.isDirectory(set.folder())) {
        System.out.println("demo data: " + set.name() + " (" + set.attribution() + ")");
        for (String line : DemoLoader.load(store.database().dataSource(), set,
            config.graphDir())) {
          System.out.println("  " + line);
        }
      } else {
        BuiltInSample.Loaded loaded = BuiltInSample.load(store.database().dataSource());
        System.out.printf("demo data: %s is missing; loaded the built-in sample instead "
            + "(%d incidents new, %d beats new)%n", set.folder(), loaded.incidents(),
            loaded.beats());
      }
      TokenRepository tokens = services.tokens();
      tokens.revoke(TOKEN_NAME);
      token[0] = tokens.create(TOKEN_NAME, Role.ANALYST).secret();
      Accounts accounts = services.accounts();
      if (accounts.users().list().stream().noneMatch(u -> u.name().equals(TOKEN_NAME))) {
        // Nobody knows this password: the demo signs in through one-time links.
        accounts.users().create(TOKEN_NAME, Role.ANALYST, Passwords.generate());
      }
      links[0] = accounts.signIn().oneTimeCode(TOKEN_NAME).orElseThrow(() ->
          new HotbeatException("the demo account '" + TOKEN_NAME + "' is disabled"));
      links[1] = accounts.signIn().oneTimeCode(TOKEN_NAME).orElseThrow();
    }, url -> {
      long minutes = config.access().oneTimeLinkLifetime().toMinutes();
      System.out.println("analyst token for scripts (send as 'Authorization: Bearer …'): "
          + token[0]);
      System.out.println("hotbeat demo is serving " + url);
      String base = url.endsWith("/") ? url : url + "/";
      System.out.println("open " + base + "signin?once=" + links[0] + " to sign in as analyst "
          + "(works once, within " + minutes + " minutes; Ctrl-C stops the server and the "
          + "database)");
      System.out.println("patrol plans: " + base + "signin?once=" + links[1] + "&next=/patrol"
          + " · community meetings (no sign-in): " + base + "community");
      System.out.println("more links: 'hotbeat user password " + TOKEN_NAME + "' sets a password "
          + "to sign in with at " + base + "signin");
    });
  }
}
