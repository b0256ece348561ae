package press.dispatch.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Moments in and out of SQL. Both drivers agree on {@link Timestamp}: SQLite stores it as UTC milliseconds
 * in an INTEGER column, PostgreSQL as {@code timestamptz}, so the same SQL compares times on both.
 */
public final class SqlTime {

    private SqlTime() {
    }

    public static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
