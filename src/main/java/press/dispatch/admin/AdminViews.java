package press.dispatch.admin;

import java.util.List;
import java.util.Map;

import press.dispatch.accounts.Account;
import press.dispatch.accounts.ApiKey;
import press.dispatch.accounts.Role;
import press.dispatch.site.Setting;

/** The page records of the shell's own screens (one per template). */
public final class AdminViews {

    private AdminViews() {
    }

    /** @param warnings what still looks like a test install (see {@code Settings.warnings}), for those who may change settings */
    public record DashboardPage(AdminShell shell, List<Panel> panels, List<String> warnings, HeldMail heldMail, List<ChartDrawing> charts,
                                List<DashboardActivity.Event> activity) {
        public record Panel(String heading, List<DashboardPanel.Line> lines) {
        }
    }

    public record StaffPage(AdminShell shell, List<Account> accounts, List<Role> grantable, Map<String, String> values, Map<String, String> problems) {
    }

    public record ApiKeysPage(AdminShell shell, List<ApiKey> keys, List<Role> grantable, String newKey, Map<String, String> values,
                              Map<String, String> problems) {
    }

    public record AccountPage(AdminShell shell, Map<String, String> problems) {
    }

    /** @param linksNow the address links in emails start with now (the base URL, or the address this server listens on) */
    public record SettingsPage(AdminShell shell, List<SettingGroup> groups, Map<String, String> values, Map<String, String> problems,
                               List<String> warnings, String linksNow, HeldMail heldMail) {
        public String value(Setting setting) {
            return values.get(setting.key());
        }

        public String problem(Setting setting) {
            return problems.get(setting.key());
        }
    }

    /**
     * @param multiline shown as a text area
     * @param choices   when not empty, the value is chosen from these (a {@code <select>})
     */
    public record SettingField(Setting setting, String label, String help, boolean multiline, List<Choice> choices) {

        /** The choices, plus the current value when it is not one of them (so saving the form never changes it unseen). */
        public List<Choice> choicesWith(String current) {
            if (current == null || choices.stream().anyMatch(c -> c.value().equals(current))) {
                return choices;
            }
            List<Choice> all = new java.util.ArrayList<>(choices);
            all.add(0, new Choice(current, current));
            return all;
        }
    }

    public record Choice(String value, String label) {
    }

    /** Outgoing mail is held (DISPATCH_MAIL_HOLD): how many messages of each kind wait. Null when mail flows. */
    public record HeldMail(AdminShell shell, Map<String, Long> waiting) {
    }

    public record SettingGroup(String heading, List<SettingField> fields) {
    }

}
