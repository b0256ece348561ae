package press.dispatch.platform;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC finds the handler for a URL with variables in it ({@code /articles/{slug}}) by trying every request
 * mapping in turn. With the admin's and the API's mappings that is about 85 tries for every article page and every
 * comment. This mapping first compares the URL's first path segment with the literal first segment of each
 * mapping's patterns, and skips the full check when none can match. Which handler is chosen does not change.
 */
@Component
class FirstSegmentMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        /** Filled while mappings are registered at start-up, read-only afterwards. Empty set: any first segment may match. */
        private final Map<RequestMappingInfo, Set<String>> firstSegments = new IdentityHashMap<>();
        private final ThreadLocal<String> requestSegment = new ThreadLocal<>();

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            synchronized (firstSegments) {
                firstSegments.put(mapping, firstSegmentsOf(mapping));
            }
            super.registerHandlerMethod(handler, method, mapping);
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            requestSegment.set(firstSegment(lookupPath));
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                requestSegment.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            Set<String> segments = firstSegments.get(info);
            String segment = requestSegment.get();
            if (segments != null && !segments.isEmpty() && segment != null && !segments.contains(segment)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static Set<String> firstSegmentsOf(RequestMappingInfo info) {
            if (info.getPathPatternsCondition() == null) {
                return Set.of();
            }
            Set<String> segments = new HashSet<>();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String first = firstSegment(pattern.getPatternString());
                if (first.isEmpty() || first.contains("{") || first.contains("*") || first.contains("?")) {
                    return Set.of();
                }
                segments.add(first);
            }
            return Set.copyOf(segments);
        }

        /** "/articles/x/comments" → "articles"; "/" → "". */
        static String firstSegment(String path) {
            int start = path.startsWith("/") ? 1 : 0;
            int end = path.indexOf('/', start);
            return end < 0 ? path.substring(start) : path.substring(start, end);
        }
    }
}
