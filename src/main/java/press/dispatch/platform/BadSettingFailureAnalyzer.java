package press.dispatch.platform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Turns a setting that stops start-up — our own {@link BadSettingException}, or a value Spring cannot convert
 * ({@code SERVER_PORT=notaport}, {@code DISPATCH_DEMO=maybe}) — into one line naming the environment variable and
 * what to set it to (the description says it all, so there is no separate action). {@link StartUpFailureReporter}
 * prints that line instead of Spring's multi-line report.
 * Runs before Spring Boot's own analyzers.
 */
final class BadSettingFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");
    private static final Map<String, String> VARIABLES = variables();

    private final Environment environment;

    BadSettingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadSettingException bad) {
                return new FailureAnalysis(bad.getMessage(), null, bad);
            }
        }
        FailureAnalysis injected = badInjectedValue(failure);
        if (injected != null) {
            return injected;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationPropertyValueException invalid) {
                return analysis(invalid.getName(), invalid.getValue(), typeIn(invalid.getReason()), failure);
            }
            if (t instanceof BindException bind && bind.getProperty() != null) {
                return analysis(bind.getName().toString(), bind.getProperty().getValue(), bind.getTarget().getType().resolve(), failure);
            }
        }
        return null;
    }

    /**
     * A setting read with {@code @Value("${dispatch.nodes.lease:15s}")} whose text does not convert
     * ({@code DISPATCH_NODE_LEASE=xyz}): Spring's exception names the bean and its constructor, not the setting; the
     * injection point's annotation does.
     */
    private FailureAnalysis badInjectedValue(Throwable failure) {
        boolean mismatch = false;
        org.springframework.beans.factory.UnsatisfiedDependencyException innermost = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.beans.TypeMismatchException) {
                mismatch = true;
            }
            if (t instanceof org.springframework.beans.factory.UnsatisfiedDependencyException unsatisfied && unsatisfied.getInjectionPoint() != null
                    && unsatisfied.getInjectionPoint().getAnnotation(org.springframework.beans.factory.annotation.Value.class) != null) {
                innermost = unsatisfied;
            }
        }
        if (!mismatch || innermost == null) {
            return null;
        }
        String expression = innermost.getInjectionPoint().getAnnotation(org.springframework.beans.factory.annotation.Value.class).value();
        Matcher name = Pattern.compile("\\$\\{([^:}]+)").matcher(expression);
        if (!name.find()) {
            return null;
        }
        String property = name.group(1);
        Object value = environment == null ? null : environment.getProperty(property);
        return analysis(property, value, innermost.getInjectionPoint().getDeclaredType(), failure);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private FailureAnalysis analysis(String property, Object raw, Class<?> type, Throwable failure) {
        String variable = variableOf(property);
        Object value = raw;
        if (raw instanceof String text && text.contains("${")) {
            // The raw value of a property mapped in application.properties is its placeholder: show what was set.
            String set = System.getenv(variable);
            value = set != null ? set : environment != null ? environment.resolvePlaceholders(text) : text;
        }
        String fix = fixFor(property, type);
        return new FailureAnalysis(variable + " is '" + value + "': " + fix, null, failure);
    }

    /** The environment variable users set for a property: as application.properties maps it, else Spring's relaxed name. */
    static String variableOf(String property) {
        return VARIABLES.getOrDefault(property, property.toUpperCase(Locale.ROOT).replaceAll("[.\\-\\[\\]]+", "_").replaceAll("_$", ""));
    }

    private static String fixFor(String property, Class<?> type) {
        if (property.equals("server.port")) {
            return "set it to a port number from 1 to 65535, such as 8080";
        }
        if (property.equals("dispatch.demo")) {
            return "set it to true or false, or leave it empty (the demo site only on SQLite)";
        }
        if (type == null) {
            return "set it to a value of the kind the README's configuration table gives";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "set it to true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "set it to a whole number";
        }
        if (type == DataSize.class) {
            return "set it to a size such as 10MB";
        }
        if (type == Duration.class) {
            return "set it to a duration such as 30s or 5m";
        }
        return "set it to a valid " + type.getSimpleName();
    }

    private static Class<?> typeIn(String reason) {
        Matcher m = Pattern.compile("to type ([\\w.$]+)").matcher(reason == null ? "" : reason);
        if (m.find()) {
            try {
                return Class.forName(m.group(1));
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        return null;
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>();
        Properties properties = new Properties();
        try (InputStream in = BadSettingFailureAnalyzer.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return variables;
        }
        properties.forEach((key, value) -> {
            Matcher m = PLACEHOLDER.matcher(value.toString());
            if (m.find()) {
                variables.put(key.toString(), m.group(1));
            }
        });
        return variables;
    }
}
