package press.dispatch.platform;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageKeysTest {

    @Test
    void untilAPathHasBeenRenderedItsWholeQueryCounts() {
        PageKeys keys = new PageKeys();
        assertThat(keys.keyOf("/articles/x", null)).isEqualTo("/articles/x");
        assertThat(keys.keyOf("/articles/x", "")).isEqualTo("/articles/x");
        assertThat(keys.keyOf("/articles/x", "fbclid=1")).isEqualTo("/articles/x?fbclid=1");
    }

    @Test
    void onceRenderedOnlyTheParametersItsPagesReadCountInOrderOfName() {
        PageKeys keys = new PageKeys();
        keys.learn("/articles/x", Set.of());
        keys.learn("/search", Set.of("q", "page"));
        assertThat(keys.keyOf("/articles/x", "fbclid=1&utm_source=mail")).isEqualTo("/articles/x");
        assertThat(keys.keyOf("/search", "utm_source=mail&q=drones&page=2")).isEqualTo("/search?page=2&q=drones");
        assertThat(keys.keyOf("/search", "page=2&q=drones")).isEqualTo("/search?page=2&q=drones");
        // a name is compared decoded, the value kept as sent; a repeated name keeps its order
        assertThat(keys.keyOf("/search", "%71=a+b&x=1&q=c")).isEqualTo("/search?%71=a+b&q=c");
        assertThat(keys.keyOf("/search", "q&&=&page")).isEqualTo("/search?page&q");
        assertThat(keys.keyOf("/search", "%zz=1&q=a")).isEqualTo("/search?q=a");
    }

    @Test
    void aRenderThatReadsEveryParameterOrMoreWidensThePath() {
        PageKeys keys = new PageKeys();
        keys.learn("/p", Set.of("a"));
        keys.learn("/p", Set.of("b"));
        assertThat(keys.keyOf("/p", "c=3&b=2&a=1")).isEqualTo("/p?a=1&b=2");
        keys.learn("/p", PageKeys.EVERY);
        keys.learn("/p", Set.of("a"));
        assertThat(keys.keyOf("/p", "c=3&b=2&a=1")).isEqualTo("/p?c=3&b=2&a=1");
    }

    @Test
    void keptParametersCountOnEveryPath() {
        PageKeys keys = new PageKeys();
        keys.keep(List.of("p", "page_id"));
        keys.learn("/", Set.of("page"));
        assertThat(keys.keyOf("/", "p=123&utm_source=x")).isEqualTo("/?p=123");
        assertThat(keys.keyOf("/", "utm_source=x")).isEqualTo("/");
    }
}
