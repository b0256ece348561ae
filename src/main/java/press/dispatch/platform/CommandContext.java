package press.dispatch.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Dispatch started for a command run from the terminal (an import, an export): the whole application on the configured
 * database, without demo content, banner, start-up chatter or an open port, and with the server's own scheduled jobs
 * (publishing, newsletter delivery) cancelled: they are not the command's work, and on SQLite they would only wait
 * for its write lock.
 */
public final class CommandContext {

    private CommandContext() {
    }

    /** @param settings the command's own {@code --name=value} settings, which these fixed ones follow */
    public static ConfigurableApplicationContext start(Class<?> application, List<String> settings) {
        List<String> all = new ArrayList<>(settings);
        all.add("--dispatch.demo=false");
        all.add("--dispatch.publishing.first-check=1h");
        all.add("--spring.main.banner-mode=off");
        // The web application context is built (security and the rest are servlet beans) but no port is opened.
        all.add("--server.port=-1");
        all.add("--logging.level.root=WARN");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).logStartupInfo(false).run(all.toArray(String[]::new));
        context.getBeansOfType(ScheduledTaskHolder.class).values().forEach(holder -> holder.getScheduledTasks().forEach(task -> task.cancel(false)));
        return context;
    }
}
