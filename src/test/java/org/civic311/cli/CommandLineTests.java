package org.civic311.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.catalog.Catalog;
import org.civic311.geo.Address;
import org.civic311.geo.Addresses;
import org.civic311.identity.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Its own application (and database): the import replaces the catalog other test classes rely on. */
@SpringBootTest(properties = "spring.application.name=civic311-command-line-tests")
class CommandLineTests {

  @Autowired ApplicationContext context;
  @Autowired ApiKeys apiKeys;
  @Autowired Catalog catalog;
  @Autowired Addresses addresses;

  /** For commands that must answer without starting the application. */
  private static final Supplier<ApplicationContext> NO_APPLICATION =
      () -> {
        throw new AssertionError("this command must not start the application");
      };

  @Test
  void api_key_create_prints_the_id_and_the_secret_once() {
    Run run = run(context, "api-key", "create", "--name", "FixMyStreet Springfield");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    Matcher matcher = Pattern.compile("Created API key (k_[0-9a-f]{8}) for FixMyStreet Springfield\\.\\RSecret: (c311_\\S+)").matcher(run.out());
    assertThat(matcher.find()).as(run.out()).isTrue();
    assertThat(run.out()).contains("it will not be shown again");
    assertThat(apiKeys.authenticate(matcher.group(2))).hasValueSatisfying(c -> assertThat(c.keyId()).isEqualTo(matcher.group(1)));
  }

  @Test
  void api_key_create_with_scopes_makes_a_key_limited_to_them_and_list_shows_them() {
    Run run = run(context, "api-key", "create", "--name", "Work order system", "--scopes", "open311:updates, INTEGRATION");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Scopes: integration,open311:updates");
    Matcher secret = Pattern.compile("Secret: (c311_\\S+)").matcher(run.out());
    assertThat(secret.find()).isTrue();
    assertThat(apiKeys.authenticate(secret.group(1)).orElseThrow().scopes())
        .containsExactlyInAnyOrder(org.civic311.identity.ApiKeyScope.OPEN311_UPDATES, org.civic311.identity.ApiKeyScope.INTEGRATION);
    assertThat(run(context, "api-key", "list").out()).contains("SCOPES").contains("integration,open311:updates");
  }

  @Test
  void api_key_create_refuses_an_unknown_scope() {
    Run run = run(NO_APPLICATION, "api-key", "create", "--name", "X", "--scopes", "open311:post,admin");

    assertThat(run.code()).isEqualTo(CommandLine.USAGE);
    assertThat(run.err()).contains("Unknown scope admin (use open311:post, open311:updates, integration, metrics)");
  }

  @Test
  void admin_create_needs_an_email_and_a_name_and_refuses_a_short_password() {
    assertThat(run(NO_APPLICATION, "admin", "create", "--name", "No Email").err()).contains("Missing --email");
    assertThat(run(NO_APPLICATION, "admin", "list").code()).isEqualTo(CommandLine.USAGE);
    Run weak = runWithInput(context, "short\n", "admin", "create", "--email", "weak@springfield.example.gov", "--name", "Weak", "--password-stdin");
    assertThat(weak.code()).isEqualTo(CommandLine.FAILED);
    assertThat(weak.err()).contains("at least 12 characters");
    Run empty = runWithInput(NO_APPLICATION, "", "admin", "create", "--email", "e@springfield.example.gov", "--name", "E", "--password-stdin");
    assertThat(empty.code()).isEqualTo(CommandLine.USAGE);
    assertThat(empty.err()).contains("no password on standard input");
  }

  @Test
  void api_key_create_accepts_the_name_with_an_equals_sign() {
    Run run = run(context, "api-key", "create", "--name=Work orders");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("for Work orders.");
  }

  @Test
  void api_key_list_shows_keys_without_secrets() {
    String secret = apiKeys.create("Listed client").secret();
    String revoked = apiKeys.create("Revoked client").keyId();
    apiKeys.revoke(revoked);

    Run run = run(context, "api-key", "list");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("ID ").contains("CLIENT", "CREATED", "LAST USED", "REVOKED", "Listed client");
    assertThat(run.out().lines().filter(line -> line.startsWith(revoked)).findFirst().orElseThrow()).doesNotEndWith("-");
    assertThat(run.out()).doesNotContain(secret).doesNotContain("c311_");
  }

  @Test
  void api_key_revoke_revokes_and_reports_unknown_ids() {
    var issued = apiKeys.create("To revoke");

    Run revoked = run(context, "api-key", "revoke", issued.keyId());
    Run again = run(context, "api-key", "revoke", issued.keyId());

    assertThat(revoked.code()).isZero();
    assertThat(revoked.out()).contains("Revoked API key " + issued.keyId());
    assertThat(apiKeys.authenticate(issued.secret())).isEmpty();
    assertThat(again.code()).isEqualTo(CommandLine.FAILED);
    assertThat(again.err()).contains("No active API key " + issued.keyId());
  }

  @Test
  void import_open311_services_replaces_the_catalog_and_prints_a_summary() throws Exception {
    Path services = Path.of(getClass().getResource("/open311/dc_services.xml").toURI());

    Run run = run(context, "import-open311-services", "--services", services.toString(), "--definitions", services.getParent().toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Imported dc_services.xml: ").contains(" retired, 6 questions.");
    assertThat(catalog.categories()).hasSize(86);
  }

  @Test
  void import_open311_services_reports_an_invalid_file_without_a_stack_trace(@TempDir Path folder) throws Exception {
    Path broken = Files.writeString(folder.resolve("services.xml"), "<services><service>");

    Run run = run(context, "import-open311-services", "--services", broken.toString());

    assertThat(run.code()).isEqualTo(CommandLine.FAILED);
    assertThat(run.err()).contains("services.xml").doesNotContain("\tat ");
  }

  @Test
  void import_open311_services_checks_its_files_before_starting(@TempDir Path folder) {
    assertUsageError(run(NO_APPLICATION, "import-open311-services"), "Missing --services");
    assertUsageError(run(NO_APPLICATION, "import-open311-services", "--services", folder.resolve("nope.xml").toString()), "No such file");
  }

  @Test
  void help_prints_the_usage_without_starting_anything() {
    Run run = run(NO_APPLICATION, "help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("Usage: java -jar civic311.jar").contains("api-key create", "api-key revoke", "import-open311-services");
  }

  @Test
  void missing_or_wrong_arguments_exit_with_2_and_the_usage() {
    assertUsageError(run(NO_APPLICATION, "api-key", "create"), "Missing --name");
    assertUsageError(run(NO_APPLICATION, "api-key", "create", "--name"), "--name needs a value");
    assertUsageError(run(NO_APPLICATION, "api-key", "create", "--name", "  "), "Missing --name");
    assertUsageError(run(NO_APPLICATION, "api-key", "create", "--nmae", "x"), "Unknown option --nmae");
    assertUsageError(run(NO_APPLICATION, "api-key", "revoke"), "needs the id of the key");
    assertUsageError(run(NO_APPLICATION, "api-key", "revoke", "k_1", "k_2"), "Unexpected argument");
    assertUsageError(run(NO_APPLICATION, "api-key"), "api-key needs one of");
    assertUsageError(run(NO_APPLICATION, "api-key", "delete"), "Unknown api-key command: delete");
    assertUsageError(run(NO_APPLICATION, "serve"), "Unknown command: serve");
  }

  @Test
  void a_name_the_registry_refuses_is_reported_as_a_usage_error() {
    Run run = run(context, "api-key", "create", "--name", "x".repeat(300));

    assertThat(run.code()).isEqualTo(CommandLine.USAGE);
    assertThat(run.err()).contains("1 to 200 characters");
  }

  @Test
  void server_options_are_not_commands() {
    assertThat(CommandLine.isCommand(new String[] {"--server.port=9000"})).isFalse();
    assertThat(CommandLine.isCommand(new String[] {})).isFalse();
    assertThat(CommandLine.isCommand(new String[] {"api-key", "list"})).isTrue();
  }

  @Test
  void an_application_that_cannot_start_is_reported_in_one_line() {
    Run run =
        run(
            () -> {
              throw new IllegalStateException("wrapper", new IllegalStateException("Another running Civic311 uses the database folder"));
            },
            "api-key",
            "list");

    assertThat(run.code()).isEqualTo(CommandLine.FAILED);
    assertThat(run.err()).isEqualTo("Could not start Civic311: Another running Civic311 uses the database folder" + System.lineSeparator());
  }

  @Test
  void import_addresses_merges_a_csv_and_prints_a_summary(@TempDir Path folder) throws Exception {
    Path csv = Files.writeString(folder.resolve("addresses.csv"), """
        label,house_number,street,zip,latitude,longitude
        1 Cli Test Way,1,Cli Test Way,90045,33.9425,-118.408
        2 Cli Test Way,2,Cli Test Way,90045,33.9426,-118.408
        """);
    addresses.importCsv(new StringReader("label,house_number,street,zip,latitude,longitude\n0 Kept Ln,0,Kept Ln,,34,-118.3\n"), Addresses.Mode.MERGE);

    Run run = run(context, "import-addresses", csv.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Imported addresses.csv: 2 addresses added, 0 updated, 0 unchanged, 0 removed." + System.lineSeparator());
    assertThat(addresses.suggest("cli test way", 5)).extracting(Address::label).containsExactly("1 Cli Test Way", "2 Cli Test Way");
    assertThat(addresses.suggest("kept ln", 1)).extracting(Address::label).containsExactly("0 Kept Ln");
  }

  @Test
  void import_addresses_with_replace_removes_the_addresses_missing_from_the_file(@TempDir Path folder) throws Exception {
    Path csv = Files.writeString(folder.resolve("city.csv"), """
        label,house_number,street,zip,latitude,longitude
        7 Replace Ave,7,Replace Ave,,34.0,-118.3
        """);

    Run run = run(context, "import-addresses", "--replace", csv.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Imported city.csv: 1 addresses added, 0 updated, 0 unchanged, ").contains(" removed.");
    assertThat(addresses.suggest("200 n spring", 1)).isEmpty();
    assertThat(addresses.suggest("7 replace", 5)).extracting(Address::label).containsExactly("7 Replace Ave");
  }

  @Test
  void import_addresses_names_the_bad_lines_and_imports_nothing(@TempDir Path folder) throws Exception {
    Path csv = Files.writeString(folder.resolve("broken.csv"), """
        label,house_number,street,zip,latitude,longitude
        1 Broken Rd,1,Broken Rd,,34.0,-118.3
        2 Broken Rd,2,Broken Rd,,34.0
        """);

    Run run = run(context, "import-addresses", csv.toString());

    assertThat(run.code()).isEqualTo(CommandLine.FAILED);
    assertThat(run.err()).contains("broken.csv", "line 3: has 5 fields, the header has 6", "Nothing was imported.").doesNotContain("\tat ");
    assertThat(addresses.suggest("broken rd", 5)).isEmpty();
  }

  @Test
  void import_addresses_checks_its_arguments_before_starting(@TempDir Path folder) {
    assertUsageError(run(NO_APPLICATION, "import-addresses"), "import-addresses needs the CSV file");
    assertUsageError(run(NO_APPLICATION, "import-addresses", folder.resolve("nope.csv").toString()), "No such file");
    assertUsageError(run(NO_APPLICATION, "import-addresses", "a.csv", "b.csv"), "Unexpected argument");
    assertUsageError(run(NO_APPLICATION, "import-addresses", "--replace", "--replace", "a.csv"), "--replace is given twice");
    assertUsageError(run(NO_APPLICATION, "import-addresses", "--merge", "a.csv"), "Unknown option --merge");
    assertThat(run(NO_APPLICATION, "help").out()).contains("import-addresses <addresses.csv> [--replace]");
  }

  @Test
  void seed_requests_adds_sample_requests_and_shows_progress() {
    Run run = run(context, "seed-requests", "--count", "120");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Adding 120 sample requests").contains("120 of 120 (100%)").contains("Added 120 sample requests");
  }

  @Test
  void seed_requests_needs_a_positive_count() {
    assertUsageError(run(NO_APPLICATION, "seed-requests", "--count", "many"), "--count must be a whole number");
    assertUsageError(run(NO_APPLICATION, "seed-requests"), "--count");
  }

  private static void assertUsageError(Run run, String message) {
    assertThat(run.code()).as(run.err()).isEqualTo(CommandLine.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(message).contains("Usage: java -jar civic311.jar");
  }

  private static Run runWithInput(ApplicationContext context, String input, String... args) {
    return runWithInput(() -> context, input, args);
  }

  private static Run runWithInput(Supplier<ApplicationContext> application, String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CommandLine.run(
            args,
            application,
            new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run run(ApplicationContext context, String... args) {
    return run(() -> context, args);
  }

  private static Run run(Supplier<ApplicationContext> application, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CommandLine.run(
            args,
            application,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  record Run(int code, String out, String err) {}
}
