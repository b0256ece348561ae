package press.dispatch.platform;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answer (no report, no server version) with the security headers added. It answers what
 * Tomcat refuses while it reads the address, before any filter runs: an encoded NUL, a {@code %2e%2e} segment
 * above the root, an encoded slash or backslash. Errors the application answers keep their own page.
 */
final class RefusedRequestValve extends ErrorReportValve {

    RefusedRequestValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() >= 400 && !response.isCommitted() && response.getContentWritten() == 0) {
            SecurityHeaders.write(request, response);
        }
        super.report(request, response, throwable);
    }
}
