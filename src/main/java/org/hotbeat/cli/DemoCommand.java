package org.hotbeat.cli;

import java.util.concurrent.Callable;
import org.hotbeat.access.Role;
import org.hotbeat.access.TokenStore;
import org.hotbeat.demo.BuiltInSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Load the demo data, then serve the map as 'serve' does.",
        "Prints a fresh analyst token (named '" + DemoCommand.TOKEN_NAME + "'; the previous one is "
            + "revoked) and a link that hands it to the map."})
final class DemoCommand implements Callable<Integer> {
  static final String TOKEN_NAME = "demo-analyst";

  @Mixin ServerOptions server;
  @Mixin DatabaseOptions db;
  @Mixin StreetOptions streets;

  @Override
  public Integer call() throws Exception {
    String[] token = new String[1];
    return ServerRunner.run(ConfigOptions.toConfig(db, server, streets), (store, services) -> {
      BuiltInSample.Loaded loaded = BuiltInSample.load(store.database().dataSource());
      long total = services.incidents().count();
      System.out.printf("demo data: built-in sample around Chicago's Loop (%d incidents new, "
          + "%d beats new; %d incidents in the store)%n", loaded.incidents(), loaded.beats(), total);
      TokenStore tokens = services.tokens();
      tokens.revoke(TOKEN_NAME);
      token[0] = tokens.create(TOKEN_NAME, Role.ANALYST).secret();
    }, url -> {
      System.out.println("analyst token: " + token[0]);
      System.out.println("hotbeat demo is serving " + url);
      System.out.println("open " + url + "#token=" + token[0] + " to sign in as analyst "
          + "(Ctrl-C stops the server and the database)");
    });
  }
}
