package org.hotbeat.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads every option's default from the environment: {@code --db-url} from {@code HOTBEAT_DB_URL},
 * {@code --max-body-mib} from {@code HOTBEAT_MAX_BODY_MIB}. Unset variables leave the option's
 * own default, so precedence is flag, then environment, then default.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  private final Map<String, String> env;

  EnvironmentDefaults(Map<String, String> env) {
    this.env = env;
  }

  static String variableFor(String longName) {
    return "HOTBEAT_" + longName.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec option && !option.usageHelp() && !option.versionHelp()) {
      String value = env.get(variableFor(option.longestName()));
      return value == null || value.isEmpty() ? null : value;
    }
    return null;
  }
}
