package org.civic311.console.internal.web.queue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.civic311.identity.Crew;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.jspecify.annotations.Nullable;

/** Staff accounts, crews and requests for console tests; every name carries a run id so tests share a database safely. */
final class ConsoleFixtures {

  static final String PASSWORD = "console test password";

  final String run = UUID.randomUUID().toString().substring(0, 8);
  private final StaffAccounts staff;
  private final ServiceRequests requests;
  private final Catalog catalog;

  ConsoleFixtures(StaffAccounts staff, ServiceRequests requests, Catalog catalog) {
    this.staff = staff;
    this.requests = requests;
    this.catalog = catalog;
  }

  StaffMember member(String who, Set<StaffRole> roles, Set<String> departments) {
    return staff.create(new NewStaffMember(who + "-" + run + "@springfield.example.gov", who + " " + run, roles, departments, null), PASSWORD);
  }

  Crew crew(String code, String department) {
    return staff.saveCrew(new Crew(code + "-" + run.toUpperCase(java.util.Locale.ROOT), "Crew " + code + " " + run, department));
  }

  /** A request of a category with every required question answered; the description carries the run id. */
  RequestNumber request(String category, String words, double lat, double lon, @Nullable String address, Reporter reporter) {
    ServiceCategory c = catalog.category(category).orElseThrow();
    Map<String, List<String>> answers = new HashMap<>();
    for (Question q : c.questions()) {
      if (!q.required() || !q.variable()) continue;
      answers.put(q.code(), List.of(switch (q.datatype()) {
        case SINGLEVALUELIST, MULTIVALUELIST -> q.values().getFirst().key();
        case NUMBER -> "1";
        case DATETIME -> "2026-11-01T10:00:00Z";
        default -> "yes";
      }));
    }
    return requests.submit(new SubmitServiceRequest(
            category, answers, new Location(lat, lon, address, null, null), words + " " + run, List.of(), Channel.WEB,
            reporter, null, null))
        .number();
  }

  RequestNumber request(String category, String words) {
    return request(category, words, 34.0522, -118.2437, "200 N Spring St", Reporter.ANONYMOUS);
  }
}
