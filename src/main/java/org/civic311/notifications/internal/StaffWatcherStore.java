package org.civic311.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.civic311.identity.StaffMemberNotFound;
import org.civic311.notifications.StaffWatchers;
import org.civic311.notifications.WatchNotAllowed;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Staff members watching requests, in {@code notifications.staff_watcher}. */
@Component("staffWatcherStore")
class StaffWatcherStore implements StaffWatchers {

  private final JdbcClient jdbc;
  private final ServiceRequests requests;
  private final StaffAccounts staff;
  private final Clock clock;

  StaffWatcherStore(JdbcClient jdbc, ServiceRequests requests, StaffAccounts staff, Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.staff = staff;
    this.clock = clock;
  }

  @Override
  public void watch(RequestNumber number, StaffMemberId staffMember) {
    ServiceRequestDetails request = requests.find(number).orElseThrow(() -> new RequestNotFound(number.value()));
    StaffMember member = staff.find(staffMember).orElseThrow(() -> new StaffMemberNotFound(staffMember));
    if (!StaffAudience.mayWatch(member, request.departmentCode())) {
      throw new WatchNotAllowed(staffMember + " may not read requests of department " + request.departmentCode());
    }
    jdbc.sql(
            """
            INSERT INTO notifications.staff_watcher (request_number, staff_member_id, watched_at) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        .params(number.value(), staffMember.value(), Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  public boolean unwatch(RequestNumber number, StaffMemberId staffMember) {
    return jdbc.sql("DELETE FROM notifications.staff_watcher WHERE request_number = ? AND staff_member_id = ?")
        .params(number.value(), staffMember.value())
        .update() > 0;
  }

  @Override
  public boolean isWatching(RequestNumber number, StaffMemberId staffMember) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM notifications.staff_watcher WHERE request_number = ? AND staff_member_id = ?)")
        .params(number.value(), staffMember.value())
        .query(Boolean.class)
        .single();
  }

  @Override
  public List<StaffMember> watchers(RequestNumber number) {
    return watching(number).stream()
        .map(id -> staff.find(id).orElse(null))
        .filter(m -> m != null && m.enabled())
        .sorted(java.util.Comparator.comparing(StaffMember::name))
        .toList();
  }

  /** Whether anyone watches the request: the condition that keeps unwatched changes out of the outbox. */
  public boolean anyWatching(RequestNumber number) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM notifications.staff_watcher WHERE request_number = ?)")
        .param(number.value())
        .query(Boolean.class)
        .single();
  }

  List<StaffMemberId> watching(RequestNumber number) {
    return jdbc.sql("SELECT staff_member_id FROM notifications.staff_watcher WHERE request_number = ? ORDER BY watched_at")
        .param(number.value())
        .query((rs, i) -> new StaffMemberId(rs.getObject(1, UUID.class)))
        .list();
  }
}
