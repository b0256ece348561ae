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

    public record DashboardPage(AdminShell shell, List<Panel> panels) {
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

    public record SettingsPage(AdminShell shell, List<SettingGroup> groups, Map<String, String> values, Map<String, String> problems) {
        public String value(Setting setting) {
            return values.get(setting.key());
        }

        public String problem(Setting setting) {
            return problems.get(setting.key());
        }
    }

    /** @param multiline shown as a text area */
    public record SettingField(Setting setting, String label, String help, boolean multiline) {
    }

    public record SettingGroup(String heading, List<SettingField> fields) {
    }

}
