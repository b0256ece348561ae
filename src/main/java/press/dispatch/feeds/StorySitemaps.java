package press.dispatch.feeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import press.dispatch.articles.Address;
import press.dispatch.articles.PublicAddresses;

/** The sitemap sources of the articles feature: stories, the home page with the sections, tags and authors. */
@Configuration(proxyBeanMethods = false)
class StorySitemaps {

    @Bean
    SitemapSource storySitemap(PublicAddresses addresses) {
        return source("articles", 10, addresses::countStories, addresses::forEachStory);
    }

    /** The home page first, then every section: never empty, so the index always lists at least one sitemap. */
    @Bean
    SitemapSource sectionSitemap(PublicAddresses addresses) {
        return new SitemapSource() {
            public String name() {
                return "sections";
            }

            public int position() {
                return 20;
            }

            public long count() {
                return 1 + addresses.countSections();
            }

            public void forEach(long offset, int limit, Consumer<SitemapEntry> each) {
                List<Address> sections = addresses.sections();
                List<Address> all = new ArrayList<>();
                all.add(new Address("/", sections.stream().map(Address::modified).filter(Objects::nonNull).max(Comparator.naturalOrder())
                        .orElse(null), List.of()));
                all.addAll(sections);
                all.stream().skip(offset).limit(limit).forEach(a -> each.accept(entry(a)));
            }
        };
    }

    @Bean
    SitemapSource tagSitemap(PublicAddresses addresses) {
        return source("tags", 30, addresses::countTags, addresses::forEachTag);
    }

    @Bean
    SitemapSource authorSitemap(PublicAddresses addresses) {
        return source("authors", 40, addresses::countAuthors, addresses::forEachAuthor);
    }

    private interface Walk {
        void forEach(long offset, int limit, Consumer<Address> each);
    }

    private static SitemapSource source(String name, int position, java.util.function.LongSupplier count, Walk walk) {
        return new SitemapSource() {
            public String name() {
                return name;
            }

            public int position() {
                return position;
            }

            public long count() {
                return count.getAsLong();
            }

            public void forEach(long offset, int limit, Consumer<SitemapEntry> each) {
                walk.forEach(offset, limit, a -> each.accept(entry(a)));
            }
        };
    }

    private static SitemapEntry entry(Address a) {
        return new SitemapEntry(a.path(), a.modified(), a.photos());
    }
}
