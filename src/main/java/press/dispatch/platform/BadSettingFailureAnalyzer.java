package press.dispatch.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

final class BadSettingFailureAnalyzer extends AbstractFailureAnalyzer<BadSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BadSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + cause.setting() + ": " + cause.fix(), cause);
    }
}
