package press.dispatch.accounts;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts the password-hashing work the real Argon2id encoder does, so a test can say "both answers did the same
 * work" without measuring time (which a loaded machine distorts).
 */
@TestConfiguration(proxyBeanMethods = false)
class CountedPasswords {

    private static final AtomicLong hashed = new AtomicLong();
    private static final AtomicLong verified = new AtomicLong();

    /** Hashes made (encode) and hashes checked (matches) so far. */
    record Work(long hashed, long verified) {
        Work since(Work before) {
            return new Work(hashed - before.hashed, verified - before.verified);
        }
    }

    static Work work() {
        return new Work(hashed.get(), verified.get());
    }

    @Bean
    static BeanPostProcessor countHashing() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof PasswordEncoder real)) {
                    return bean;
                }
                return new PasswordEncoder() {
                    @Override
                    public String encode(CharSequence raw) {
                        hashed.incrementAndGet();
                        return real.encode(raw);
                    }

                    @Override
                    public boolean matches(CharSequence raw, String encoded) {
                        verified.incrementAndGet();
                        return real.matches(raw, encoded);
                    }

                    @Override
                    public boolean upgradeEncoding(String encoded) {
                        return real.upgradeEncoding(encoded);
                    }
                };
            }
        };
    }
}
