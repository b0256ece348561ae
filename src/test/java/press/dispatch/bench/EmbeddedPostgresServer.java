package press.dispatch.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Not a test: starts an embedded PostgreSQL for {@code bench/comments.sh}, prints its JDBC URL, and runs until killed. */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            System.out.println(postgres.getJdbcUrl("postgres", "postgres"));
            System.out.flush();
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }
}
