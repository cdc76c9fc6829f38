package org.civic311.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civic311.geo.AddressFileException;
import org.civic311.geo.AddressFileException.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class AddressFileFailureAnalyzerTests {

  @Test
  void a_bad_address_file_at_start_is_reported_with_its_lines_and_the_setting_to_change() {
    AddressFileException bad = new AddressFileException("The address file addresses.csv", List.of(new Problem(7, "latitude 'x' is not a number from -90 to 90")));

    FailureAnalysis analysis = new AddressFileFailureAnalyzer().analyze(new BeanCreationException("addressFileStartup", "failed", bad));

    assertThat(analysis.getDescription()).startsWith("The address file addresses.csv cannot be imported:").contains("line 7: latitude 'x'");
    assertThat(analysis.getAction()).contains("CIVIC311_ADDRESS_FILE");
  }
}
