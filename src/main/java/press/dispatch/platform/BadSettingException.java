package press.dispatch.platform;

/**
 * A setting that makes start-up impossible. The message is one line naming the setting and what to set it to.
 */
public final class BadSettingException extends RuntimeException {

    private final String setting;
    private final String fix;

    public BadSettingException(String setting, String problem, String fix) {
        super(setting + " " + problem + ": " + fix);
        this.setting = setting;
        this.fix = fix;
    }

    public String setting() {
        return setting;
    }

    public String fix() {
        return fix;
    }
}
