package press.dispatch.site;

public record ErrorPage(Shell shell, int status, String title, String message) {
}
