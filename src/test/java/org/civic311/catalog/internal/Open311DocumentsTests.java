package org.civic311.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Open311 services lists and service definitions, including the hostile and the old-fashioned. */
class Open311DocumentsTests {

  private static XmlElement xml(String text) {
    return XmlElement.parse("test.xml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_service_keeps_every_field_trimming_only_surrounding_whitespace() {
    List<Open311Documents.Service> services = Open311Documents.services("test.xml", xml("""
        <?xml version="1.0" encoding="utf-8"?>
        <services xmlns:m="http://example.org/ignored">
          <service>
            <service_code> 001 </service_code>
            <service_name>Cans left  out</service_name>
            <description>Left out &lt;br&gt; for days.
        </description>
            <metadata>false</metadata>
            <type>batch</type>
            <keywords/>
            <group><![CDATA[Litter & Cans]]></group>
          </service>
        </services>
        """));

    assertThat(services).containsExactly(new Open311Documents.Service(
        "001", "Cans left  out", "Left out <br> for days.", "Litter & Cans", "", ServiceType.BATCH, false));
  }

  @Test
  void a_missing_element_stays_missing_rather_than_empty() {
    var service = Open311Documents.services("test.xml", xml(
        "<services><service><service_code>A</service_code><service_name>A</service_name></service></services>"))
        .getFirst();

    assertThat(service.group()).isNull();
    assertThat(service.keywords()).isNull();
    assertThat(service.metadata()).isNull();
    assertThat(service.type()).isEqualTo(ServiceType.REALTIME);
  }

  @Test
  void attributes_directly_under_the_service_definition_are_read_as_the_old_servers_wrote_them() {
    var definition = Open311Documents.definition("test.xml", xml("""
        <service_definition>
          <service_code>DMV66</service_code>
          <attribute>
            <variable>true</variable>
            <code>WHISHETN</code>
            <datatype>singlevaluelist</datatype>
            <required>true</required>
            <datatype_description></datatype_description>
            <order>1</order>
            <description>What is the ticket/tag/DL number?</description>
            <values>
              <value><key>123</key><name>Ford</name></value>
              <value><key>124</key><name>Chrysler</name></value>
            </values>
          </attribute>
        </service_definition>
        """));

    assertThat(definition).isEqualTo(new Open311Documents.Definition("DMV66", List.of(
        new Question("WHISHETN", true, QuestionDatatype.SINGLEVALUELIST, true, "", 1,
            "What is the ticket/tag/DL number?",
            List.of(new Question.AllowedValue("123", "Ford"), new Question.AllowedValue("124", "Chrysler"))))));
  }

  @Test
  void a_bad_attribute_is_reported_with_its_line_and_code() {
    String definition = """
        <service_definition>
          <service_code>X</service_code>
          <attributes>
            <attribute><code>COLOR</code><datatype>colour</datatype><order>first</order></attribute>
          </attributes>
        </service_definition>
        """;

    assertThatThrownBy(() -> Open311Documents.definition("test.xml", xml(definition)))
        .isInstanceOf(CatalogFileException.class)
        .hasMessageContaining("test.xml has 2 problems")
        .hasMessageContaining("line 4 (attribute COLOR): datatype 'colour' is not one of")
        .hasMessageContaining("line 4 (attribute COLOR): order 'first' is not a whole number");
  }

  @Test
  void a_document_with_an_external_entity_is_refused_without_reading_the_file(@TempDir Path folder) throws Exception {
    Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET");
    String hostile = """
        <?xml version="1.0"?>
        <!DOCTYPE services [<!ENTITY xxe SYSTEM "%s">]>
        <services><service><service_code>&xxe;</service_code><service_name>x</service_name></service></services>
        """.formatted(secret.toUri());

    assertThatThrownBy(() -> xml(hostile))
        .isInstanceOf(CatalogFileException.class)
        .hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void a_billion_laughs_document_is_refused() {
    String hostile = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <services><service><service_code>&lol2;</service_code></service></services>
        """;

    assertThatThrownBy(() -> xml(hostile)).isInstanceOf(CatalogFileException.class);
  }

  @Test
  void a_file_that_is_not_a_services_list_is_named_as_such() {
    assertThatThrownBy(() -> Open311Documents.services("test.xml", xml("<service_requests/>")))
        .isInstanceOf(CatalogFileException.class)
        .hasMessageContaining("test.xml is not an Open311 services list: its root element is <service_requests>");
  }

  @Test
  void broken_xml_is_reported_with_its_line() {
    assertThatThrownBy(() -> xml("<services>\n<service>\n</services>"))
        .isInstanceOf(CatalogFileException.class)
        .hasMessageContaining("test.xml line 3 is not well-formed XML");
  }
}
