package press.dispatch.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Moments in and out of SQL. Both drivers agree on {@link Timestamp}: SQLite stores it as UTC milliseconds
 * in an INTEGER column, PostgreSQL as {@code timestamptz}, so the same SQL compares times on both.
 *
 * <p>Only the years 1 to 9999 are stored: beyond them {@link Timestamp#from} wraps around silently (a schedule
 * time in the year 300,000,000 became one in the distant past, due at once). A time someone typed is checked with
 * {@link #storable} where it is entered, with a message; {@link #of} refuses any other, so none is ever stored wrong.
 */
public final class SqlTime {

    /** The first and last moment stored: the years 1 to 9999, as every date field and database takes them. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private SqlTime() {
    }

    public static Timestamp of(Instant instant) {
        if (instant != null && !storable(instant)) {
            throw new IllegalArgumentException("A time outside the years 1 to 9999 cannot be stored: " + instant);
        }
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Whether the moment is within the years 1 to 9999 (null is: it stores as NULL). */
    public static boolean storable(Instant instant) {
        return instant == null || !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
