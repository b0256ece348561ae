package press.dispatch.subscriptions;

import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestPropertySource(properties = "dispatch.outbox.first-check=1h")
class SubscriberCsvTest extends SiteTest {

    @Autowired
    SubscriberCsv csv;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Test
    void importedAddressesAreConfirmedOnlyWhenTheImporterSaysTheyConsented() {
        SubscriberCsv.ImportResult withConsent = csv.importCsv(new StringReader("name,email\nAna,Ana@Example.com\n\"Ruiz, B\",b@example.com\n"), true);
        assertThat(withConsent).isEqualTo(new SubscriberCsv.ImportResult(2, 0, 0));
        assertThat(status("ana@example.com")).isEqualTo("confirmed");

        SubscriberCsv.ImportResult without = csv.importCsv(new StringReader("email\r\nc@example.com\r\nb@example.com\r\n"), false);
        assertThat(without).isEqualTo(new SubscriberCsv.ImportResult(1, 1, 1));
        assertThat(status("c@example.com")).isEqualTo("pending");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = 'c@example.com' AND subject LIKE 'Confirm%'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(subscriptions.list("confirmed", 0, 100)).extracting(Subscriber::email).contains("ana@example.com", "b@example.com");
    }

    @Test
    void oneBadLineImportsNothingAndNamesEveryBadLine() {
        assertThatThrownBy(() -> csv.importCsv(new StringReader("email\nok@example.com\nnot an address\nx@example.com\r\nBcc: y@example.com\n"), true))
                .isInstanceOfSatisfying(InvalidImportException.class, e -> assertThat(e.problems().keySet()).as("in line order").containsExactly(3, 5));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscribers WHERE email IN ('ok@example.com', 'x@example.com')").query(Long.class).single()).isZero();
    }

    @Test
    void exportListsEverySubscriberAndDefusesSpreadsheetFormulas() {
        csv.importCsv(new StringReader("email\n=cmd@example.com\nplain@example.com\n"), true);
        StringWriter out = new StringWriter();
        csv.exportCsv(out);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("email,status,cadence,consent_at,consent_form,confirmed_at,unsubscribed_at");
        assertThat(out.toString()).contains("\n'=cmd@example.com,confirmed,each,").contains("\nplain@example.com,confirmed,each,");
    }

    private String status(String email) {
        return jdbc.sql("SELECT status FROM subscribers WHERE email = :e").param("e", email).query(String.class).single();
    }
}
