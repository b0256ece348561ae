package press.dispatch.platform;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    PageCache pageCache(DispatchProperties properties) {
        return new PageCache(properties.pageCache().enabled(), properties.pageCache().maxBytes(Runtime.getRuntime().maxMemory()));
    }

    /**
     * Runs before Spring Security and MVC (after only the old addresses' redirects, which read the query themselves):
     * stores what they render for the page cache, with the query parameters they read, and adds ETag and gzip.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Each connection's write buffer holds a whole typical page with its headers (Tomcat's default of 8 KiB split
     * the article page into two writes, the costliest part of a cached page view after the read).
     */
    @Bean
    TomcatConnectorCustomizer socketBuffers() {
        return connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(32 * 1024));
    }

    /** Cache hits are answered inside Tomcat's engine, after the forwarded-header valve (see {@link PageCacheValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(PageCache cache) {
        return factory -> factory.addEngineValves(new PageCacheValve(cache));
    }

    /**
     * Browsers ask for {@code /favicon.ico} on every site whatever the page says; answer with a small neutral icon
     * instead of logging a 404 for each page.
     */
    @Bean
    WebMvcConfigurer siteIcon() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/assets/")
                        .setCacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic());
            }
        };
    }

    /**
     * Tomcat's error report valve on the host becomes one that adds the security headers (Spring Boot puts a plain
     * one there; it is swapped when the application starts, whichever customizer ran first).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedRequestHeaders() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (org.apache.catalina.Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                org.apache.catalina.Pipeline host = context.getParent().getPipeline();
                for (org.apache.catalina.Valve valve : host.getValves()) {
                    if (valve instanceof org.apache.catalina.valves.ErrorReportValve && !(valve instanceof RefusedRequestValve)) {
                        host.removeValve(valve);
                    }
                }
                if (java.util.Arrays.stream(host.getValves()).noneMatch(RefusedRequestValve.class::isInstance)) {
                    host.addValve(new RefusedRequestValve());
                }
            }
        }));
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
