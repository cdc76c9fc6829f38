package org.civic311.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * "Is this already reported?": open requests of a category around a point. Each test has its own
 * spot at the south-west edge of the sample city, far from the points other tests submit at.
 */
@SpringBootTest
class NearbyRequestsIntegrationTests {

  /** Meters per degree of latitude on the sphere the query assumes. */
  private static final double METERS_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
  private static final double LON = -118.64;

  @Autowired ServiceRequests requests;

  private static double north(double latitude, double meters) {
    return latitude + meters / METERS_PER_DEGREE;
  }

  private static double east(double latitude, double longitude, double meters) {
    return longitude + meters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(latitude)));
  }

  private RequestNumber pothole(double lat, double lon, String address, String... media) {
    return submit("POTHOLE", Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")), lat, lon, address, media);
  }

  private RequestNumber submit(String category, Map<String, List<String>> answers, double lat, double lon, @Nullable String address, String... media) {
    return requests.submit(new SubmitServiceRequest(
            category,
            answers,
            new Location(lat, lon, address, null, null),
            "Seen on the way to work",
            List.of(media),
            Channel.WEB,
            new Reporter("Ana", "Lopez", "ana@example.org", "555-0100", null, null, false, null),
            null,
            null))
        .number();
  }

  private List<RequestNumber> numbersNear(String category, double lat, double lon, int radius) {
    return requests.openNear(category, lat, lon, radius, 100).stream().map(NearbyRequest::number).toList();
  }

  @Test
  void open_requests_of_the_category_come_nearest_first_with_their_public_details() {
    double lat = 33.7100;
    RequestNumber thirty = pothole(north(lat, 30), LON, "30 Test Way", "https://photos.example.org/30a.jpg", "https://photos.example.org/30b.jpg");
    RequestNumber ten = pothole(lat, east(lat, LON, 10), "10 Test Way");
    RequestNumber eighty = pothole(north(lat, -80), LON, null);

    List<NearbyRequest> near = requests.openNear("POTHOLE", lat, LON, 100, 10);

    assertThat(near).extracting(NearbyRequest::number).containsExactly(ten, thirty, eighty);
    assertThat(near).extracting(NearbyRequest::distanceMeters).containsExactly(10, 30, 80);
    NearbyRequest first = near.get(1);
    assertThat(first.categoryCode()).isEqualTo("POTHOLE");
    assertThat(first.status()).isEqualTo(Status.NEW);
    assertThat(first.address()).isEqualTo("30 Test Way");
    assertThat(first.firstMediaUrl()).isEqualTo("https://photos.example.org/30a.jpg");
    assertThat(first.followers()).isZero();
    assertThat(first.latitude()).isEqualTo(north(lat, 30));
    assertThat(first.submittedAt()).isEqualTo(requests.find(thirty).orElseThrow().requestedAt());
    assertThat(near.get(2).address()).isNull();
    assertThat(near.get(2).firstMediaUrl()).isNull();
    assertThat(near.toString()).doesNotContain("Ana", "Lopez", "ana@example.org", "555-0100");
  }

  @Test
  void the_radius_is_a_circle_in_meters() {
    double lat = 33.7200;
    RequestNumber inside = pothole(north(lat, 99.5), LON, null);
    RequestNumber outside = pothole(north(lat, -100.5), LON, null);
    // A corner of the bounding box around the circle is farther than the radius.
    RequestNumber corner = pothole(north(lat, 80), east(lat, LON, 80), null);

    assertThat(numbersNear("POTHOLE", lat, LON, 100)).containsExactly(inside);
    assertThat(numbersNear("POTHOLE", lat, LON, 101)).containsExactly(inside, outside);
    assertThat(numbersNear("POTHOLE", lat, LON, 114)).containsExactly(inside, outside, corner);
  }

  @Test
  void resolved_and_closed_requests_are_left_out_but_work_in_progress_is_not() {
    double lat = 33.7300;
    RequestNumber resolved = pothole(north(lat, 5), LON, null);
    RequestNumber closed = pothole(north(lat, 10), LON, null);
    RequestNumber working = pothole(north(lat, 15), LON, null);
    RequestNumber onHold = pothole(north(lat, 20), LON, null);
    requests.change(resolved, new RequestChange.Resolve("Filled"), Actor.staff("crew7"));
    requests.change(closed, new RequestChange.Close(CloseReason.DUPLICATE, null), Actor.staff("agent"));
    requests.change(working, new RequestChange.StartWork("Crew on site"), Actor.staff("crew7"));
    requests.change(onHold, new RequestChange.PutOnHold("Waiting for the water department"), Actor.staff("agent"));

    assertThat(requests.openNear("POTHOLE", lat, LON, 50, 10))
        .extracting(NearbyRequest::number, NearbyRequest::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(working, Status.IN_PROGRESS), org.assertj.core.groups.Tuple.tuple(onHold, Status.ON_HOLD));
  }

  @Test
  void requests_of_other_categories_are_left_out() {
    double lat = 33.7400;
    RequestNumber pothole = pothole(lat, LON, null);
    RequestNumber light = submit("STREETLIGHT_OUT", Map.of("PROBLEM", List.of("out")), lat, LON, null);

    assertThat(numbersNear("POTHOLE", lat, LON, 50)).containsExactly(pothole);
    assertThat(numbersNear("STREETLIGHT_OUT", lat, LON, 50)).containsExactly(light);
    assertThat(numbersNear(" STREETLIGHT_OUT ", lat, LON, 50)).containsExactly(light);
    assertThat(numbersNear("GRAFFITI", lat, LON, 50)).isEmpty();
    assertThat(numbersNear("", lat, LON, 50)).isEmpty();
  }

  @Test
  void the_limit_keeps_the_nearest() {
    double lat = 33.7500;
    RequestNumber far = pothole(north(lat, 40), LON, null);
    RequestNumber near = pothole(north(lat, 20), LON, null);
    RequestNumber nearest = pothole(north(lat, 1), LON, null);

    assertThat(requests.openNear("POTHOLE", lat, LON, 100, 2)).extracting(NearbyRequest::number).containsExactly(nearest, near);
    assertThat(numbersNear("POTHOLE", lat, LON, 100)).containsExactly(nearest, near, far);
  }

  @Test
  void a_resident_who_follows_a_nearby_request_is_counted() {
    double lat = 33.7600;
    RequestNumber number = pothole(lat, LON, "1 Follow St");

    requests.change(number, new RequestChange.Follow(), Actor.resident());
    ServiceRequestDetails details = requests.change(number, new RequestChange.Follow(), Actor.resident());

    assertThat(details.followers()).isEqualTo(2);
    assertThat(requests.find(number).orElseThrow().followers()).isEqualTo(2);
    assertThat(requests.openNear("POTHOLE", lat, LON, 10, 1)).singleElement().extracting(NearbyRequest::followers).isEqualTo(2);
  }

  @Test
  void a_closed_request_cannot_be_followed() {
    RequestNumber number = pothole(33.7700, LON, null);
    requests.change(number, new RequestChange.Close(CloseReason.COMPLETED, "Fixed"), Actor.staff("agent"));

    assertThatThrownBy(() -> requests.change(number, new RequestChange.Follow(), Actor.resident())).isInstanceOf(TransitionNotAllowed.class);
    assertThat(requests.find(number).orElseThrow().followers()).isZero();
  }

  @Test
  void a_point_radius_or_limit_out_of_range_is_refused_with_a_reason() {
    assertThatThrownBy(() -> requests.openNear("POTHOLE", 91, LON, 100, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitude");
    assertThatThrownBy(() -> requests.openNear("POTHOLE", Double.NaN, LON, 100, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> requests.openNear("POTHOLE", 33.7, LON, 0, 10)).hasMessageContaining("radius");
    assertThatThrownBy(() -> requests.openNear("POTHOLE", 33.7, LON, 5_001, 10)).hasMessageContaining("radius");
    assertThatThrownBy(() -> requests.openNear("POTHOLE", 33.7, LON, 100, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> requests.openNear("POTHOLE", 33.7, LON, 100, 101)).hasMessageContaining("limit");
  }
}
