package org.civic311.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The options ({@code --name value} or {@code --name=value}) and positional values after a command. */
record Arguments(Map<String, String> options, List<String> positional) {

  static Arguments parse(String command, List<String> args, Set<String> knownOptions) {
    return parse(command, args, knownOptions, Set.of());
  }

  /** As above, with options that take no value ({@code flags}); a given flag maps to "true". */
  static Arguments parse(String command, List<String> args, Set<String> knownOptions, Set<String> flags) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String option = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      if (flags.contains(option)) {
        if (equals >= 0) throw new UsageError("--" + option + " takes no value");
        if (options.put(option, "true") != null) throw new UsageError("--" + option + " is given twice");
        continue;
      }
      if (!knownOptions.contains(option)) {
        throw new UsageError("Unknown option --" + option + " for " + command);
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageError("--" + option + " needs a value");
      }
      if (options.put(option, value) != null) throw new UsageError("--" + option + " is given twice");
    }
    return new Arguments(options, positional);
  }

  String required(String option, String hint) {
    String value = optional(option);
    if (value == null || value.isBlank()) throw new UsageError("Missing --" + option + " " + hint);
    return value;
  }

  @Nullable String optional(String option) {
    return options.get(option);
  }

  void expectPositional(String command, int count, String what) {
    if (positional.size() < count) throw new UsageError(command + " needs " + what);
    if (positional.size() > count) throw new UsageError("Unexpected argument for " + command + ": " + positional.get(count));
  }
}
