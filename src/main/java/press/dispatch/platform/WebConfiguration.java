package press.dispatch.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    PageCache pageCache(DispatchProperties properties) {
        return new PageCache(properties.pageCache().enabled(), properties.pageCache().maxMegabytes() * 1024L * 1024L);
    }

    /**
     * Runs first, before request observation, Spring Security and MVC, so a cached page costs little more than
     * a map look-up and a write. (Cache hits are therefore not counted in the HTTP server metrics.)
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }

    /** After Spring Security, right before MVC (see {@link SteadyMethodFilter}). */
    @Bean
    FilterRegistrationBean<SteadyMethodFilter> steadyMethodFilter() {
        FilterRegistrationBean<SteadyMethodFilter> registration = new FilterRegistrationBean<>(new SteadyMethodFilter());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
