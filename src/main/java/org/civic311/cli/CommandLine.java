package org.civic311.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.CatalogImport;
import org.civic311.geo.AddressFileException;
import org.civic311.geo.Addresses;
import org.civic311.geo.ImportSummary;
import org.civic311.identity.ApiKeyScope;
import org.civic311.identity.ApiKeySummary;
import org.civic311.identity.ApiKeys;
import org.civic311.identity.IssuedApiKey;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccountRejected;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.requests.SampleRequests;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs the administration commands of the jar ({@code api-key ...}, {@code webhook ...}, {@code import-open311-services}, {@code import-addresses}, {@code help}) and gives their exit code. */
public final class CommandLine {

  /** The command did what it was asked. */
  public static final int OK = 0;
  /** The command ran but could not do it (e.g. no such key). */
  public static final int FAILED = 1;
  /** The arguments were wrong; the usage text was printed. */
  public static final int USAGE = 2;

  static final String USAGE_TEXT =
      """
      Usage: java -jar civic311.jar [command] [options]

      Without a command, Civic311 starts its web server.

      Commands:
        api-key create --name "<client>" [--scopes <scope,...>]
                                           create an API key for an Open311 client or city system;
                                           the secret is printed once. Scopes: open311:post,
                                           open311:updates (the default: both), integration,
                                           metrics (monitoring: /actuator/prometheus)
        api-key list                       list API keys (id, client, created, last used, revoked)
        api-key revoke <key id>            revoke a key; clients using it are refused
        import-open311-services --services <services.xml> [--definitions <folder>]
                                           replace the service categories with an Open311 services
                                           list (and its service definition files)
        import-addresses <addresses.csv> [--replace]
                                           add and update the city's street addresses from a CSV
                                           (label,house_number,street,zip,latitude,longitude);
                                           with --replace, addresses missing from the file are removed
        admin create --email <email> --name "<name>" [--password-stdin]
                                           create a staff admin account; the password is read from
                                           the first line of standard input, or generated and
                                           printed once
        seed-requests --count <n>          add n generated sample requests (demos and benchmarks;
                                           never on a real city's database)
        webhook add --url <url> [--events <type,...>] [--description "<text>"]
                                           send request events (default: all, *) to a city system;
                                           the signing secret is printed once (docs/webhooks.md)
        webhook list                       list webhook endpoints
        webhook remove <endpoint id>       stop sending to an endpoint
        webhook failed                     deliveries that gave up after 24 hours of retries
        webhook retry <delivery id>        send a failed delivery again, with the same id
        help                               show this text

      Commands use the same settings as the server (CIVIC311_DATABASE_URL, CIVIC311_DATA_DIR, ...).
      """;

  private CommandLine() {}

  /** Whether the arguments name a command rather than options for the web server. */
  public static boolean isCommand(String[] args) {
    return args.length > 0 && !args[0].startsWith("-");
  }

  /**
   * Runs a command, starting the application (without web server) only when the command needs it, and
   * closes the application afterwards.
   */
  public static int runAndClose(
      String[] args, Supplier<? extends ConfigurableApplicationContext> start, PrintStream out, PrintStream err) {
    List<ConfigurableApplicationContext> started = new ArrayList<>(1);
    try {
      return run(
          args,
          () -> {
            ConfigurableApplicationContext context = start.get();
            started.add(context);
            return context;
          },
          out,
          err);
    } finally {
      started.forEach(ConfigurableApplicationContext::close);
    }
  }

  /** Runs a command against an application the caller owns (and closes); returns the exit code. */
  public static int run(String[] args, Supplier<? extends ApplicationContext> application, PrintStream out, PrintStream err) {
    return run(args, application, System.in, out, err);
  }

  /** Runs a command that may read from standard input ({@code admin create --password-stdin}). */
  public static int run(
      String[] args, Supplier<? extends ApplicationContext> application, InputStream in, PrintStream out, PrintStream err) {
    Command command;
    try {
      command = parse(Arrays.asList(args));
      // Read before the application starts, so a missing password fails fast.
      if (command instanceof CreateAdmin admin && admin.passwordFromStdin()) command = admin.withPassword(firstLine(in));
    } catch (UsageError e) {
      err.println(e.getMessage());
      err.println();
      err.print(USAGE_TEXT);
      return USAGE;
    }
    if (command instanceof Help) {
      out.print(USAGE_TEXT);
      return OK;
    }
    ApplicationContext context;
    try {
      context = application.get();
    } catch (RuntimeException e) {
      err.println("Could not start Civic311: " + innermostMessage(e));
      return FAILED;
    }
    try {
      return command.execute(context, out, err);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return USAGE;
    }
  }

  static Command parse(List<String> args) {
    if (args.isEmpty()) throw new UsageError("No command given");
    String name = args.getFirst();
    List<String> rest = args.subList(1, args.size());
    return switch (name) {
      case "help" -> new Help();
      case "api-key" -> parseApiKey(rest);
      case "import-open311-services" -> parseImport(rest);
      case "import-addresses" -> parseImportAddresses(rest);
      case "seed-requests" -> parseSeed(rest);
      case "webhook" -> WebhookCommands.parse(rest);
      case "admin" -> parseAdmin(rest);
      default -> throw new UsageError("Unknown command: " + name);
    };
  }

  private static Command parseApiKey(List<String> args) {
    if (args.isEmpty()) throw new UsageError("api-key needs one of: create, list, revoke");
    String action = args.getFirst();
    List<String> rest = args.subList(1, args.size());
    switch (action) {
      case "create" -> {
        Arguments parsed = Arguments.parse("api-key create", rest, Set.of("name", "scopes"));
        parsed.expectPositional("api-key create", 0, "");
        String name = parsed.required("name", "\"<client>\": who the key is for, e.g. --name \"FixMyStreet\"").strip();
        String scopes = parsed.optional("scopes");
        return new CreateApiKey(name, scopes == null ? ApiKeyScope.DEFAULT : scopes(scopes));
      }
      case "list" -> {
        Arguments parsed = Arguments.parse("api-key list", rest, Set.of());
        parsed.expectPositional("api-key list", 0, "");
        return new ListApiKeys();
      }
      case "revoke" -> {
        Arguments parsed = Arguments.parse("api-key revoke", rest, Set.of());
        parsed.expectPositional("api-key revoke", 1, "the id of the key to revoke (see api-key list)");
        return new RevokeApiKey(parsed.positional().getFirst());
      }
      default -> throw new UsageError("Unknown api-key command: " + action + " (use create, list or revoke)");
    }
  }

  private static Set<ApiKeyScope> scopes(String list) {
    Set<ApiKeyScope> scopes = java.util.EnumSet.noneOf(ApiKeyScope.class);
    for (String value : list.split(",")) {
      if (value.isBlank()) continue;
      scopes.add(
          ApiKeyScope.of(value)
              .orElseThrow(
                  () ->
                      new UsageError(
                          "Unknown scope " + value.strip() + " (use "
                              + Arrays.stream(ApiKeyScope.values()).map(ApiKeyScope::value).collect(java.util.stream.Collectors.joining(", "))
                              + ")")));
    }
    if (scopes.isEmpty()) throw new UsageError("--scopes needs at least one scope, e.g. --scopes open311:post");
    return scopes;
  }

  private static Command parseImport(List<String> args) {
    String command = "import-open311-services";
    Arguments parsed = Arguments.parse(command, args, Set.of("services", "definitions"));
    parsed.expectPositional(command, 0, "");
    Path services = Path.of(parsed.required("services", "<services.xml>: the Open311 services list to import"));
    if (!Files.isRegularFile(services)) throw new UsageError("No such file: " + services);
    String definitions = parsed.optional("definitions");
    Path definitionsDir = definitions == null ? null : Path.of(definitions);
    if (definitionsDir != null && !Files.isDirectory(definitionsDir)) throw new UsageError("No such folder: " + definitionsDir);
    return new ImportOpen311Services(services, definitionsDir);
  }

  private static Command parseImportAddresses(List<String> args) {
    String command = "import-addresses";
    // --replace is a flag, which the shared option parser (options with values) does not know.
    List<String> rest = new ArrayList<>(args);
    boolean replace = rest.remove("--replace");
    if (rest.remove("--replace")) throw new UsageError("--replace is given twice");
    Arguments parsed = Arguments.parse(command, rest, Set.of());
    parsed.expectPositional(command, 1, "the CSV file to import, e.g. import-addresses addresses.csv");
    Path file = Path.of(parsed.positional().getFirst());
    if (!Files.isRegularFile(file)) throw new UsageError("No such file: " + file);
    return new ImportAddresses(file, replace);
  }

  private static Command parseSeed(List<String> args) {
    Arguments parsed = Arguments.parse("seed-requests", args, Set.of("count"));
    parsed.expectPositional("seed-requests", 0, "");
    String count = parsed.required("count", "<n>: how many sample requests to add, e.g. --count 100000");
    try {
      int n = Integer.parseInt(count.strip());
      if (n < 1 || n > 50_000_000) throw new NumberFormatException();
      return new SeedRequests(n);
    } catch (NumberFormatException e) {
      throw new UsageError("--count must be a whole number from 1 to 50000000, got " + count);
    }
  }

  private static Command parseAdmin(List<String> args) {
    if (args.isEmpty() || !args.getFirst().equals("create")) throw new UsageError("admin needs: create");
    Arguments parsed = Arguments.parse("admin create", args.subList(1, args.size()), Set.of("email", "name"), Set.of("password-stdin"));
    parsed.expectPositional("admin create", 0, "");
    String email = parsed.required("email", "<email>: the admin's sign-in email");
    String name = parsed.required("name", "\"<name>\": the admin's name as staff see it").strip();
    return new CreateAdmin(email.strip(), name, parsed.options().containsKey("password-stdin"), null);
  }

  private static String firstLine(InputStream in) {
    try {
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) throw new UsageError("--password-stdin: no password on standard input");
      return line;
    } catch (IOException e) {
      throw new UsageError("--password-stdin: could not read standard input: " + e.getMessage());
    }
  }

  static String scopeList(Set<ApiKeyScope> scopes) {
    return scopes.stream().map(ApiKeyScope::value).sorted().collect(java.util.stream.Collectors.joining(","));
  }

  private static String innermostMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** One parsed command, ready to run against the application. */
  sealed interface Command
      permits Help, CreateApiKey, ListApiKeys, RevokeApiKey, ImportOpen311Services, SeedRequests, ImportAddresses,
          CreateAdmin, WebhookCommands.Add, WebhookCommands.ListEndpoints, WebhookCommands.Remove,
          WebhookCommands.Failed, WebhookCommands.Retry {
    int execute(ApplicationContext context, PrintStream out, PrintStream err);
  }

  record Help() implements Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      out.print(USAGE_TEXT);
      return OK;
    }
  }

  record CreateApiKey(String clientName, Set<ApiKeyScope> scopes) implements Command {

    CreateApiKey(String clientName) {
      this(clientName, ApiKeyScope.DEFAULT);
    }

    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      IssuedApiKey key = context.getBean(ApiKeys.class).create(clientName, scopes);
      out.println("Created API key " + key.keyId() + " for " + key.clientName() + ".");
      out.println("Secret: " + key.secret());
      out.println("Copy the secret now: it will not be shown again. Clients send it as the api_key parameter.");
      out.println("Scopes: " + scopeList(scopes));
      return OK;
    }
  }

  record ListApiKeys() implements Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      List<ApiKeySummary> keys = context.getBean(ApiKeys.class).list();
      if (keys.isEmpty()) {
        out.println("No API keys yet. Create one with: java -jar civic311.jar api-key create --name \"<client>\"");
        return OK;
      }
      int nameWidth = Math.min(40, Math.max(6, keys.stream().mapToInt(k -> k.clientName().length()).max().orElse(6)));
      String row = "%-11s  %-" + nameWidth + "s  %-44s  %-20s  %-20s  %s%n";
      out.printf(row, "ID", "CLIENT", "SCOPES", "CREATED", "LAST USED", "REVOKED");
      for (ApiKeySummary key : keys) {
        out.printf(
            row,
            key.keyId(),
            ellipsize(key.clientName(), nameWidth),
            scopeList(key.scopes()),
            time(key.createdAt()),
            time(key.lastUsedAt()),
            time(key.revokedAt()));
      }
      return OK;
    }

    private static String ellipsize(String text, int width) {
      return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String time(@Nullable Instant instant) {
      return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
  }

  record RevokeApiKey(String keyId) implements Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      if (context.getBean(ApiKeys.class).revoke(keyId)) {
        out.println("Revoked API key " + keyId + ". Clients using it are refused from now on.");
        return OK;
      }
      err.println("No active API key " + keyId + " (see api-key list).");
      return FAILED;
    }
  }

  record ImportOpen311Services(Path servicesXml, @Nullable Path definitionsDir) implements Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      CatalogImport.Summary summary;
      try {
        summary = context.getBean(CatalogImport.class).importOpen311(servicesXml, definitionsDir);
      } catch (CatalogFileException e) {
        err.println(e.getMessage());
        return FAILED;
      }
      out.printf(
          "Imported %s: %d categories added, %d updated, %d retired, %d questions.%n",
          servicesXml.getFileName(),
          summary.categoriesAdded(),
          summary.categoriesUpdated(),
          summary.categoriesRetired(),
          summary.questions());
      summary.warnings().forEach(warning -> out.println("Warning: " + warning));
      return OK;
    }
  }

  record SeedRequests(int count) implements Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      long started = System.nanoTime();
      out.printf("Adding %d sample requests…%n", count);
      int added =
          context.getBean(SampleRequests.class)
              .generate(count, done -> out.printf("  %,d of %,d (%d%%)%n", done, count, (int) (100L * done / count)));
      out.printf("Added %,d sample requests in %d s.%n", added, (System.nanoTime() - started) / 1_000_000_000L);
      return OK;
    }
  }

  record ImportAddresses(Path file, boolean replace) implements Command {
    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      ImportSummary summary;
      try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        summary = context.getBean(Addresses.class).importCsv(csv, replace ? Addresses.Mode.REPLACE : Addresses.Mode.MERGE);
      } catch (AddressFileException e) {
        err.println(new AddressFileException(file.toString(), e.problems()).getMessage());
        err.println("Nothing was imported.");
        return FAILED;
      } catch (IOException | java.io.UncheckedIOException e) {
        err.println("Cannot read " + file + ": " + innermostMessage(e));
        return FAILED;
      }
      out.printf(
          "Imported %s: %d addresses added, %d updated, %d unchanged, %d removed%s.%n",
          file.getFileName(),
          summary.added(),
          summary.updated(),
          summary.unchanged(),
          summary.removed(),
          summary.repeated() == 0 ? "" : ", " + summary.repeated() + " repeated rows skipped");
      return OK;
    }
  }

  /** Creates a staff admin; the password comes from standard input or is generated and printed once. */
  record CreateAdmin(String email, String name, boolean passwordFromStdin, @Nullable String password) implements Command {

    CreateAdmin withPassword(String given) {
      return new CreateAdmin(email, name, passwordFromStdin, given);
    }

    @Override
    public int execute(ApplicationContext context, PrintStream out, PrintStream err) {
      String chosen = password;
      boolean generated = chosen == null;
      if (generated) {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        chosen = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      }
      StaffMember admin;
      try {
        admin = context.getBean(StaffAccounts.class).create(new NewStaffMember(email, name, Set.of(StaffRole.ADMIN), Set.of(), null), chosen);
      } catch (StaffAccountRejected e) {
        err.println(e.getMessage());
        return FAILED;
      }
      out.println("Created admin " + admin.name() + " <" + admin.email() + ">.");
      if (generated) {
        out.println("Password: " + chosen);
        out.println("Copy the password now: it will not be shown again. Sign in at /staff/login.");
      } else {
        out.println("Sign in at /staff/login with the password you gave.");
      }
      return OK;
    }

    @Override
    public String toString() {
      return "CreateAdmin[email=" + email + ", name=" + name + ", password=…]";
    }
  }
}
