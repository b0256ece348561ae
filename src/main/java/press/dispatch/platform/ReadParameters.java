package press.dispatch.platform;

import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request that notes which query parameters were read while its page was rendered (see {@link PageKeys}). */
final class ReadParameters extends HttpServletRequestWrapper {

    private final Set<String> read = new HashSet<>();
    private boolean every;

    ReadParameters(HttpServletRequest request) {
        super(request);
    }

    /** The names read, or {@link PageKeys#EVERY} when the render asked for all of them or for the query itself. */
    Set<String> read() {
        return every ? PageKeys.EVERY : read;
    }

    @Override
    public String getParameter(String name) {
        read.add(name);
        return super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
        read.add(name);
        return super.getParameterValues(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        every = true;
        return super.getParameterMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        every = true;
        return super.getParameterNames();
    }

    @Override
    public String getQueryString() {
        every = true;
        return super.getQueryString();
    }
}
