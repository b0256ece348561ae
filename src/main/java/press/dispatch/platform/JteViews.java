package press.dispatch.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders precompiled jte templates: a view name {@code articles/article} is the template
 * {@code src/main/jte/articles/article.jte}, and model attributes are its parameters.
 */
@Configuration(proxyBeanMethods = false)
class JteViews {

    @Bean
    TemplateEngine templateEngine() {
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        engine.setTrimControlStructures(true);
        return engine;
    }

    @Bean
    ViewResolver jteViewResolver(TemplateEngine engine) {
        return new Resolver(engine);
    }

    static final class Resolver implements ViewResolver, Ordered {

        private final TemplateEngine engine;

        Resolver(TemplateEngine engine) {
            this.engine = engine;
        }

        private final Map<String, Boolean> known = new ConcurrentHashMap<>();

        @Override
        public View resolveViewName(String viewName, Locale locale) {
            // Redirects are Spring's; asking the engine would search the class path once per (unique) target URL.
            if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
                return null;
            }
            String template = viewName + ".jte";
            return known.computeIfAbsent(template, engine::hasTemplate) ? new JteView(engine, template) : null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static final class JteView implements View {

        private final TemplateEngine engine;
        private final String template;

        JteView(TemplateEngine engine, String template) {
            this.engine = engine;
            this.template = template;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        @SuppressWarnings("unchecked")
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
            Utf8ByteOutput output = new Utf8ByteOutput();
            engine.render(template, (Map<String, Object>) model, output);
            response.setContentType(getContentType());
            response.setContentLength(output.getContentLength());
            response.getOutputStream().write(bytesOf(output));
        }

        /**
         * The page in one array, written once: written chunk by chunk, each of a page's several hundred pieces
         * passed through every response wrapper (Spring Security's checks the content length on each write).
         */
        static byte[] bytesOf(Utf8ByteOutput output) throws IOException {
            byte[] page = new byte[output.getContentLength()];
            output.writeTo(new OutputStream() {
                private int position;

                @Override
                public void write(int b) {
                    page[position++] = (byte) b;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    System.arraycopy(bytes, offset, page, position, length);
                    position += length;
                }
            });
            return page;
        }
    }
}
