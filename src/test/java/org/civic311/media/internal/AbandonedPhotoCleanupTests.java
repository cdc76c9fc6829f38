package org.civic311.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.civic311.MovableClock;
import org.civic311.media.GpsJpeg;
import org.civic311.media.PhotoRejected;
import org.civic311.media.Photos;
import org.civic311.media.Photos.StoredPhoto;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Photos of reports that were never sent go after a day; those of sent reports stay. */
@SpringBootTest(properties = "civic311.media.abandoned-photo-cleanup=false")
@Import(MovableClock.AsApplicationClock.class)
class AbandonedPhotoCleanupTests {

  @Autowired Photos photos;
  @Autowired AbandonedPhotoCleanup cleanup;
  @Autowired UnclaimedPhotos unclaimed;
  @Autowired MovableClock clock;
  @Autowired PlatformTransactionManager transactions;

  private StoredPhoto upload() {
    return photos.storeUnclaimed(GpsJpeg.at(120, 80, 34.05, -118.24), "pothole.jpg");
  }

  @Test
  void an_unsent_photo_is_deleted_a_day_after_upload_and_a_sent_one_is_kept() {
    cleanup.run(); // whatever earlier tests left behind
    StoredPhoto abandoned = upload();
    StoredPhoto sent = upload();
    photos.claim(List.of(sent.url()));

    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(cleanup.run()).isZero();
    assertThat(photos.load(abandoned.id())).isPresent();

    clock.advance(Duration.ofMinutes(2));
    assertThat(cleanup.run()).isEqualTo(1);
    assertThat(photos.load(abandoned.id())).isEmpty();
    assertThat(photos.load(sent.id())).as("a request points to it").isPresent();
    assertThat(cleanup.run()).as("nothing twice").isZero();
  }

  @Test
  void sending_a_report_whose_photo_was_already_deleted_is_refused_with_a_message() {
    StoredPhoto late = upload();
    clock.advance(Duration.ofHours(25));
    cleanup.run();

    assertThatThrownBy(() -> photos.claim(List.of(late.url())))
        .isInstanceOf(PhotoRejected.class).hasMessageContaining("deleted");
  }

  @Test
  void a_discarded_photo_leaves_no_row_behind() {
    StoredPhoto photo = upload();
    int before = unclaimed.count();
    photos.discard(photo.id());
    assertThat(unclaimed.count()).isEqualTo(before - 1);
  }

  @Test
  void two_nodes_cleaning_at_once_never_wait_for_each_other_nor_take_the_same_photo() throws Exception {
    cleanup.run();
    StoredPhoto first = upload();
    StoredPhoto second = upload();
    clock.advance(Duration.ofHours(25));

    // "Node A" holds the oldest photo's row in an open transaction while "node B" runs the cleanup.
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      List<String> held = unclaimed.lockAbandoned(clock.instant().minus(Duration.ofHours(24)), 1);
      assertThat(held).containsExactly(first.id());
      int deletedByOther = CompletableFuture.supplyAsync(cleanup::run).orTimeout(20, TimeUnit.SECONDS).join();
      assertThat(deletedByOther).as("skips the held row instead of waiting").isEqualTo(1);
      assertThat(photos.load(second.id())).isEmpty();
      assertThat(photos.load(first.id())).isPresent();
    });
    assertThat(cleanup.run()).as("the row node A let go of").isEqualTo(1);
    assertThat(photos.load(first.id())).isEmpty();
  }
}
