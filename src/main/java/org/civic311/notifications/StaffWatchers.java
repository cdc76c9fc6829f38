package org.civic311.notifications;

import java.util.List;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.civic311.requests.RequestNumber;

/**
 * Staff members who watch a request: each of its changes, public or internal, reaches them by email
 * with a link to the request's console page, until they stop watching.
 */
public interface StaffWatchers {

  /**
   * Starts watching; watching again changes nothing.
   *
   * @throws org.civic311.requests.RequestNotFound when there is no such request
   * @throws org.civic311.identity.StaffMemberNotFound when there is no such staff member
   * @throws WatchNotAllowed when the member may not read the request's department (its internal notes
   *     would reach them by email)
   */
  void watch(RequestNumber number, StaffMemberId staffMember);

  /** Stops watching; false when the member was not watching. */
  boolean unwatch(RequestNumber number, StaffMemberId staffMember);

  boolean isWatching(RequestNumber number, StaffMemberId staffMember);

  /** The members watching a request, by name; disabled accounts are left out (they get nothing). */
  List<StaffMember> watchers(RequestNumber number);
}
