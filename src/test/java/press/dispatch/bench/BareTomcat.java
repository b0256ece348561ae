package press.dispatch.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Not a test: a control for {@code bench/two-nodes.sh}. The Tomcat that Dispatch embeds, with nothing but one servlet
 * that answers every GET with the same body of a given size (as a cached, compressed article page is), 16 request
 * threads as a Dispatch node has. Two of these behind nginx against one, on the same cores, measure what a second
 * server process costs on the machine, apart from anything Dispatch does. Runs until killed.
 *
 * <p>Usage: {@code BareTomcat port bytes}
 */
public final class BareTomcat {

    private BareTomcat() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] body = new byte[Integer.parseInt(args[1])];
        new Random(port).nextBytes(body);
        Path base = Files.createTempDirectory("bare-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getConnector().setProperty("maxThreads", "16");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "page", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/html;charset=UTF-8");
                response.setHeader("Content-Encoding", "gzip");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        });
        context.addServletMappingDecoded("/*", "page");
        tomcat.start();
        tomcat.getServer().await();
    }
}
