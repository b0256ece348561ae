package press.dispatch.subscriptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.platform.SqlTime;

/**
 * Subscriber lists in and out as CSV. An import is all or nothing: one bad line and nothing is added, with every
 * bad line named. Imported addresses are confirmed only when the importer states that they consented; the others
 * are asked to confirm by email, like any new subscriber.
 */
@Service
public class SubscriberCsv {

    static final int MAX_ROWS = 1_000_000;

    private final JdbcClient jdbc;
    private final SubscriberRepository subscribers;
    private final Subscriptions subscriptions;
    private final Clock clock;

    SubscriberCsv(JdbcClient jdbc, SubscriberRepository subscribers, Subscriptions subscriptions, Clock clock) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public record ImportResult(int added, int alreadyKnown, int askedToConfirm) {
    }

    /** Reads a CSV whose first line names the columns; the column {@code email} (or else the first) holds the address. */
    @Transactional
    public ImportResult importCsv(Reader csv, boolean consentGiven) {
        List<List<String>> rows = parse(csv);
        if (rows.isEmpty()) {
            throw new InvalidImportException(Map.of(1, "The file is empty; the first line must name the columns, e.g. email."));
        }
        int column = Math.max(0, rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().indexOf("email"));
        Map<Integer, String> problems = new LinkedHashMap<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            EmailAddresses.Result checked = EmailAddresses.check(column < row.size() ? row.get(column) : "");
            if (checked.address().isEmpty()) {
                problems.put(i + 1, checked.problem());
            } else {
                addresses.add(checked.address().get());
            }
        }
        if (rows.size() - 1 > MAX_ROWS) {
            problems.put(MAX_ROWS + 2, "At most " + MAX_ROWS + " addresses per import.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidImportException(problems);
        }
        Instant now = clock.instant();
        int added = 0;
        int known = 0;
        int asked = 0;
        for (String address : addresses) {
            if (subscribers.findByEmail(address).isPresent()) {
                known++;
                continue;
            }
            long id = subscribers.insertPending(address, consentGiven ? "import-with-consent" : "import", null, now);
            added++;
            if (consentGiven) {
                subscribers.confirm(id, now);
            } else {
                subscriptions.askToConfirm(id, address);
                asked++;
            }
        }
        return new ImportResult(added, known, asked);
    }

    /** Every subscriber, one line each. Cells that a spreadsheet would run as a formula are prefixed with '. */
    public void exportCsv(Writer out) {
        try {
            out.write("email,status,cadence,consent_at,consent_form,confirmed_at,unsubscribed_at\r\n");
            jdbc.sql("SELECT email, status, cadence, consent_at, consent_form, confirmed_at, unsubscribed_at FROM subscribers ORDER BY id")
                    .query(rs -> {
                        try {
                            out.write(String.join(",", cell(rs.getString("email")), cell(rs.getString("status")), cell(rs.getString("cadence")),
                                    cell(time(SqlTime.read(rs, "consent_at"))), cell(rs.getString("consent_form")),
                                    cell(time(SqlTime.read(rs, "confirmed_at"))), cell(time(SqlTime.read(rs, "unsubscribed_at")))));
                            out.write("\r\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** RFC 4180 fields: commas, quotes doubled inside quoted fields, line breaks inside quotes. */
    static List<List<String>> parse(Reader reader) {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = in.read()) != -1) {
                any = true;
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    any = false;
                } else {
                    field.append(ch);
                }
            }
            if (any || !field.isEmpty() || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && rows.get(0).get(0).startsWith("\uFEFF")) {
            rows.get(0).set(0, rows.get(0).get(0).substring(1));
        }
        return rows;
    }
}
