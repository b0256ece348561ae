package press.dispatch.accounts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the links that "Forgot your password?" requests asked for, a few seconds after the request was answered.
 * Looking for waiting requests takes no write lock, so an idle check costs SQLite's single writer nothing.
 */
@Component
class ResetLinks {

    private final ResetRequests requests;
    private final Accounts accounts;

    ResetLinks(ResetRequests requests, Accounts accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    @Scheduled(fixedDelayString = "${dispatch.password-reset.check-every:2s}", initialDelayString = "${dispatch.password-reset.first-check:2s}")
    void sendWaiting() {
        for (ResetRequests.Request request : requests.listWaiting(50)) {
            accounts.answerResetRequest(request.id(), request.email());
        }
    }
}
