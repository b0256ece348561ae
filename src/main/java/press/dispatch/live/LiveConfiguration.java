package press.dispatch.live;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    /**
     * The readers' stream is a plain asynchronous servlet rather than an MVC controller: an open stream then costs
     * only its connection and its place in a broadcaster.
     */
    @Bean
    ServletRegistrationBean<LiveStream> liveStream(Broadcasters broadcasters) {
        ServletRegistrationBean<LiveStream> registration = new ServletRegistrationBean<>(new LiveStream(broadcasters), "/live/*");
        registration.setAsyncSupported(true);
        registration.setName("liveStream");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
