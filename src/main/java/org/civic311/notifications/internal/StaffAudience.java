package org.civic311.notifications.internal;

import java.util.List;
import java.util.Set;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;

/**
 * Who among the staff hears about a request: the rules of staff messages, as plain functions.
 */
final class StaffAudience {

  private StaffAudience() {}

  /** The enabled members with {@code role} working for {@code department}; nobody without a department. */
  static List<StaffMember> ofDepartment(List<StaffMember> staff, StaffRole role, @Nullable String department) {
    if (department == null) return List.of();
    return staff.stream().filter(m -> m.enabled() && m.has(role) && m.worksFor(department)).toList();
  }

  /**
   * Whether a member may watch (and so read, by email, every internal note of) requests of a
   * department: the same rule as reading them in the console ({@link StaffMember#maySeeDepartment}).
   */
  static boolean mayWatch(StaffMember member, @Nullable String department) {
    if (department == null) return member.has(StaffRole.CALL_TAKER) || member.has(StaffRole.MANAGER) || member.has(StaffRole.ADMIN);
    return member.maySeeDepartment(department);
  }

  /** A member does not need an email about a change they made themselves. */
  static boolean madeIt(StaffMember member, org.civic311.requests.Actor actor) {
    return actor.kind() == org.civic311.requests.Actor.Kind.STAFF
        && (actor.name().equalsIgnoreCase(member.email()) || actor.name().equals(member.id().toString()));
  }

  static DeliveryStore.StaffRecipient recipient(LinkSigner signer, RequestNumber number, StaffMember member) {
    // Keys of their own, so a resident's unsubscribe from the same address never cancels staff mail.
    return new DeliveryStore.StaffRecipient(member.email(), signer.recipientKey(number, "staff:" + member.email()), member.language());
  }

  private static boolean any(StaffMember member, StaffRole... roles) {
    return Set.of(roles).stream().anyMatch(member::has);
  }
}
