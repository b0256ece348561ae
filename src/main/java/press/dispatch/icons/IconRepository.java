package press.dispatch.icons;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class IconRepository {

    private final JdbcClient jdbc;

    IconRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IconFile> listAll() {
        return jdbc.sql("SELECT name, content_type, bytes, version FROM site_icon_files ORDER BY name")
                .query((rs, n) -> new IconFile(rs.getString("name"), rs.getString("content_type"), rs.getBytes("bytes"), rs.getString("version")))
                .list();
    }

    void replaceAll(List<IconFile> files, Instant now) {
        deleteAll();
        for (IconFile file : files) {
            jdbc.sql("INSERT INTO site_icon_files (name, content_type, bytes, version, created_at) VALUES (:name, :type, :bytes, :version, :now)")
                    .param("name", file.name()).param("type", file.contentType()).param("bytes", file.bytes()).param("version", file.version())
                    .param("now", SqlTime.of(now)).update();
        }
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM site_icon_files").update();
    }
}
