package press.dispatch.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.DefaultDeserializer;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Staff sessions are kept in the database by Spring Session JDBC (table {@code staff_sessions}), so they survive a
 * restart and are shared by every node. A session written by an older release whose classes no longer read back
 * (Spring Security changes its serial version with each minor release) signs that person out instead of failing
 * every admin page with an error. Two requests of one session at once (two tabs, parallel uploads) may both add the
 * same attribute: it is written as an upsert, which SQLite and PostgreSQL both read, instead of an insert that fails
 * the second request with a primary-key error.
 */
@Configuration(proxyBeanMethods = false)
class StaffSessionStore {

    private static final Logger log = LoggerFactory.getLogger(StaffSessionStore.class);

    private static final String ADD_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> unreadableSessionsSignOut() {
        return repository -> {
            GenericConversionService conversions = new GenericConversionService();
            conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
            conversions.addConverter(byte[].class, Object.class, new Deserializing(StaffSessionStore.class.getClassLoader()));
            repository.setConversionService(conversions);
            repository.setCreateSessionAttributeQuery(ADD_ATTRIBUTE);
        };
    }

    private static final class Deserializing implements Converter<byte[], Object> {
        private final DefaultDeserializer deserializer;

        Deserializing(ClassLoader classLoader) {
            this.deserializer = new DefaultDeserializer(classLoader);
        }

        @Override
        public Object convert(byte[] bytes) {
            try {
                return deserializer.deserialize(new java.io.ByteArrayInputStream(bytes));
            } catch (Exception e) {
                log.info("A stored staff session could not be read back ({}); that person signs in again", e.toString());
                return null;
            }
        }
    }
}
