package press.dispatch.menus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class MenuRepository {

    private final JdbcClient jdbc;

    MenuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored items; empty if the menu was never edited (an edited menu may hold no item at all). */
    Optional<List<MenuItem>> find(Menu menu) {
        boolean edited = jdbc.sql("SELECT COUNT(*) FROM menus WHERE name = :name").param("name", menu.key()).query(Long.class).single() > 0;
        if (!edited) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT kind, target_id, url, label FROM menu_items WHERE menu = :name ORDER BY position")
                .param("name", menu.key())
                .query((rs, n) -> {
                    long target = rs.getLong("target_id");
                    Long targetId = rs.wasNull() ? null : target;
                    return new MenuItem(MenuItem.Kind.ofKey(rs.getString("kind")).orElseThrow(), targetId, rs.getString("url"), rs.getString("label"));
                }).list());
    }

    void replace(Menu menu, List<MenuItem> items, Instant now) {
        jdbc.sql("DELETE FROM menu_items WHERE menu = :name").param("name", menu.key()).update();
        jdbc.sql("""
                INSERT INTO menus (name, edited_at) VALUES (:name, :now)
                ON CONFLICT (name) DO UPDATE SET edited_at = excluded.edited_at
                """).param("name", menu.key()).param("now", SqlTime.of(now)).update();
        int position = 0;
        for (MenuItem item : items) {
            jdbc.sql("INSERT INTO menu_items (menu, position, kind, target_id, url, label) VALUES (:name, :position, :kind, :target, :url, :label)")
                    .param("name", menu.key()).param("position", position++).param("kind", item.kind().key())
                    .param("target", item.targetId(), java.sql.Types.BIGINT).param("url", item.url(), java.sql.Types.VARCHAR)
                    .param("label", item.label()).update();
        }
    }

    /** Items that pointed at a section deleted into another now point at that one. */
    void retargetSection(long gone, long into) {
        jdbc.sql("UPDATE menu_items SET target_id = :into WHERE kind = 'section' AND target_id = :gone").param("into", into).param("gone", gone).update();
    }

    void reset(Menu menu) {
        jdbc.sql("DELETE FROM menu_items WHERE menu = :name").param("name", menu.key()).update();
        jdbc.sql("DELETE FROM menus WHERE name = :name").param("name", menu.key()).update();
    }
}
