package org.civic311.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import org.civic311.geo.AddressFileException;
import org.civic311.geo.AddressFileException.Problem;
import org.junit.jupiter.api.Test;

class AddressCsvTests {

  private static final String HEADER = "label,house_number,street,zip,latitude,longitude\n";

  private static AddressCsv.Rows read(String csv) {
    return AddressCsv.read(new StringReader(csv));
  }

  private static AddressFileException problemsOf(String csv) {
    try {
      read(csv);
    } catch (AddressFileException e) {
      return e;
    }
    throw new AssertionError("expected the file to be refused");
  }

  @Test
  void reads_rows_with_quotes_crlf_and_an_empty_zip() {
    AddressCsv.Rows rows = read(HEADER.replace("\n", "\r\n")
        + "200 N Spring St,200,N Spring St,90012,34.053691,-118.242766\r\n"
        + "\"12 \"\"B\"\" Main St, Rear\",12,\"Main St\",,34.1,-118.3\r\n");

    assertThat(rows.rows())
        .extracting(AddressCsv.Row::line, AddressCsv.Row::label, AddressCsv.Row::houseNumber, AddressCsv.Row::street,
            AddressCsv.Row::zip, AddressCsv.Row::latitude, AddressCsv.Row::longitude)
        .containsExactly(
            tuple(2L, "200 N Spring St", "200", "N Spring St", "90012", 34.053691, -118.242766),
            tuple(3L, "12 \"B\" Main St, Rear", "12", "Main St", null, 34.1, -118.3));
    assertThat(rows.rows().get(1).searchKey()).isEqualTo("12 b main st rear");
  }

  @Test
  void columns_may_come_in_any_order_and_the_label_defaults_to_number_and_street() {
    AddressCsv.Rows rows = read("\uFEFFLatitude,Longitude,Street,House_Number\n34.05,-118.24,W 1st St,100\n");

    assertThat(rows.rows()).singleElement().satisfies(row -> {
      assertThat(row.label()).isEqualTo("100 W 1st St");
      assertThat(row.zip()).isNull();
    });
  }

  @Test
  void a_row_repeating_a_label_and_zip_is_counted_once() {
    AddressCsv.Rows rows = read(HEADER
        + "200 N Spring St,200,N Spring St,90012,34.05,-118.24\n"
        + "200 north spring street,200,N Spring St,90012,34.06,-118.25\n"
        + "200 N Spring St,200,N Spring St,90013,34.05,-118.24\n");

    assertThat(rows.rows()).extracting(AddressCsv.Row::line).containsExactly(2L, 4L);
    assertThat(rows.repeated()).isEqualTo(1);
  }

  @Test
  void every_bad_row_is_named_by_its_line() {
    AddressFileException e = problemsOf(HEADER
        + "200 N Spring St,200,N Spring St,90012,34.05,-118.24\n"
        + "201 N Spring St,201,N Spring St,90012,north,-118.24\n"
        + "\n"
        + "\"A quoted label\n over two lines\",202,N Spring St,90012,34.05,-118.24\n"
        + "203 N Spring St,,N Spring St,90012,34.05,-181\n"
        + "204 N Spring St,204,N Spring St,90012,34.05\n"
        + "205 N Spring St,205,N Spring St,9@12,NaN,-118.24\n");

    assertThat(e.problems()).containsExactly(
        new Problem(3, "latitude 'north' is not a number from -90 to 90"),
        new Problem(7, "house_number is empty"),
        new Problem(7, "longitude '-181' is not a number from -180 to 180"),
        new Problem(8, "has 5 fields, the header has 6"),
        new Problem(9, "zip '9@12' is not a postal code (letters, digits, spaces, hyphens)"),
        new Problem(9, "latitude 'NaN' is not a number from -90 to 90"));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("line 3: latitude 'north'").contains("line 8: has 5 fields");
  }

  @Test
  void a_wrong_header_is_line_1() {
    AddressFileException e = problemsOf("address,lat,lon\n1 Main St,34,-118\n");

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("unknown column 'address'").contains("missing column house_number");
  }

  @Test
  void an_empty_file_and_an_unclosed_quote_are_reported() {
    assertThat(problemsOf("").getMessage()).contains("line 1: the file is empty");
    assertThat(problemsOf(HEADER + "1 Main St,1,Main St,,34,-118\n\"2 Main St,2,Main St,,34,-118\n").problems())
        .containsExactly(new Problem(3, "a quoted field is not closed"));
  }

  @Test
  void at_most_ten_problems_are_listed() {
    String bad = "x,1,Main St,,not,-118\n".repeat(50);

    assertThat(problemsOf(HEADER + bad).problems()).hasSize(10).first().isEqualTo(new Problem(2, "latitude 'not' is not a number from -90 to 90"));
  }

  @Test
  void a_huge_field_is_refused_without_reading_it_all() {
    AddressFileException e = problemsOf(HEADER + "1 Main St,1," + "x".repeat(100_000) + ",,34,-118\n");

    assertThat(e.problems()).containsExactly(new Problem(2, "a field is longer than 1000 characters"));
  }
}
