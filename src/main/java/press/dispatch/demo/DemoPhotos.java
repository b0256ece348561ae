package press.dispatch.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Paints the demo site's news photos: skies, terrain or sea, smoke, and silhouettes of what the story is about. */
final class DemoPhotos {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;

    enum Sky { DUSK, DAY, OVERCAST, NIGHT, DAWN }

    enum Ground { HILLS, SEA, DESERT, RUNWAY, MOUNTAINS, FIELDS }

    enum Subject { SMOKE, WARSHIP, JETS, CONVOY, RADAR, HELICOPTER, SUBMARINE, DRONE, SATELLITE, ARTILLERY, CARGO_PLANE, CONFERENCE }

    record Scene(Sky sky, Ground ground, Subject subject, long seed) {
    }

    private DemoPhotos() {
    }

    static BufferedImage paint(Scene scene) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        Random random = new Random(scene.seed());
        if (scene.subject() == Subject.CONFERENCE) {
            conference(g, random);
        } else if (scene.subject() == Subject.SATELLITE) {
            space(g, random);
        } else {
            sky(g, scene.sky(), random);
            int horizon = ground(g, scene.ground(), scene.sky(), random);
            subject(g, scene.subject(), horizon, random);
        }
        grain(image, random);
        g.dispose();
        return image;
    }

    private static void sky(Graphics2D g, Sky sky, Random random) {
        Color top;
        Color bottom;
        switch (sky) {
            case DUSK -> { top = new Color(44, 40, 72); bottom = new Color(232, 140, 84); }
            case DAWN -> { top = new Color(88, 110, 160); bottom = new Color(246, 196, 150); }
            case OVERCAST -> { top = new Color(120, 126, 134); bottom = new Color(186, 190, 194); }
            case NIGHT -> { top = new Color(8, 12, 28); bottom = new Color(34, 46, 78); }
            default -> { top = new Color(70, 128, 196); bottom = new Color(190, 220, 240); }
        }
        g.setPaint(new GradientPaint(0, 0, top, 0, HEIGHT * 0.7f, bottom));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        if (sky == Sky.NIGHT) {
            g.setColor(new Color(255, 255, 255, 180));
            for (int i = 0; i < 220; i++) {
                int s = random.nextInt(3) + 1;
                g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT / 2), s, s);
            }
        } else {
            for (int i = 0; i < 7; i++) {
                cloud(g, random.nextInt(WIDTH), 60 + random.nextInt(260), 160 + random.nextInt(260),
                        sky == Sky.OVERCAST ? new Color(150, 154, 160, 120) : new Color(255, 255, 255, 90));
            }
        }
        if (sky == Sky.DUSK || sky == Sky.DAWN) {
            int sx = 300 + random.nextInt(1000);
            g.setPaint(new RadialGradientPaint(new Point2D.Float(sx, HEIGHT * 0.55f), 260, new float[] {0f, 0.2f, 1f},
                    new Color[] {new Color(255, 236, 190, 255), new Color(255, 200, 120, 160), new Color(255, 160, 90, 0)}));
            g.fill(new Ellipse2D.Float(sx - 260, HEIGHT * 0.55f - 260, 520, 520));
        }
    }

    private static void cloud(Graphics2D g, int x, int y, int w, Color c) {
        g.setColor(c);
        for (int i = 0; i < 6; i++) {
            int cw = w / 2 + (i * 37 % (w / 2));
            g.fill(new Ellipse2D.Float(x + i * w / 7f - cw / 2f, y - (i % 3) * 14, cw, cw * 0.42f));
        }
    }

    private static int ground(Graphics2D g, Ground ground, Sky sky, Random random) {
        boolean dark = sky == Sky.NIGHT || sky == Sky.DUSK;
        int horizon = (int) (HEIGHT * 0.62);
        switch (ground) {
            case SEA -> {
                g.setPaint(new GradientPaint(0, horizon, dark ? new Color(20, 34, 52) : new Color(40, 84, 122), 0, HEIGHT,
                        dark ? new Color(8, 14, 24) : new Color(18, 44, 70)));
                g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
                g.setColor(new Color(255, 255, 255, 40));
                for (int i = 0; i < 140; i++) {
                    int y = horizon + 6 + random.nextInt(HEIGHT - horizon);
                    int len = 20 + random.nextInt(90) * (y - horizon) / 200;
                    g.fillRect(random.nextInt(WIDTH), y, len, 2);
                }
            }
            case DESERT -> {
                ridge(g, horizon - 40, 50, new Color(196, 160, 112), random);
                ridge(g, horizon + 30, 30, new Color(214, 178, 126), random);
                g.setColor(new Color(226, 192, 140));
                g.fillRect(0, horizon + 80, WIDTH, HEIGHT);
            }
            case RUNWAY -> {
                g.setColor(new Color(96, 112, 84));
                g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
                Path2D strip = new Path2D.Float();
                strip.moveTo(WIDTH * 0.45, horizon);
                strip.lineTo(WIDTH * 0.55, horizon);
                strip.lineTo(WIDTH * 0.95, HEIGHT);
                strip.lineTo(WIDTH * 0.05, HEIGHT);
                strip.closePath();
                g.setColor(new Color(60, 62, 66));
                g.fill(strip);
                g.setColor(new Color(236, 236, 230));
                for (int i = 0; i < 8; i++) {
                    float t = i / 8f;
                    float y = horizon + (HEIGHT - horizon) * t * t;
                    float h = 4 + 40 * t;
                    g.fill(new Rectangle2D.Float(WIDTH / 2f - 2 - 6 * t, y, 4 + 12 * t, h));
                }
            }
            case MOUNTAINS -> {
                ridge(g, horizon - 200, 220, dark ? new Color(50, 54, 70) : new Color(110, 120, 140), random);
                ridge(g, horizon - 80, 140, dark ? new Color(36, 40, 50) : new Color(80, 92, 100), random);
                ridge(g, horizon + 40, 80, dark ? new Color(24, 28, 34) : new Color(60, 76, 62), random);
            }
            case FIELDS -> {
                g.setColor(new Color(118, 140, 78));
                g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
                for (int i = 0; i < 9; i++) {
                    g.setColor(i % 2 == 0 ? new Color(140, 156, 84) : new Color(170, 160, 92));
                    Path2D band = new Path2D.Float();
                    band.moveTo(i * WIDTH / 9.0, horizon);
                    band.lineTo((i + 1) * WIDTH / 9.0, horizon);
                    band.lineTo((i + 1) * WIDTH / 4.5 - WIDTH / 2.0, HEIGHT);
                    band.lineTo(i * WIDTH / 4.5 - WIDTH / 2.0, HEIGHT);
                    band.closePath();
                    g.fill(band);
                }
            }
            default -> {
                ridge(g, horizon - 90, 90, dark ? new Color(58, 52, 66) : new Color(104, 116, 96), random);
                ridge(g, horizon, 60, dark ? new Color(40, 36, 44) : new Color(82, 96, 70), random);
                g.setColor(dark ? new Color(30, 28, 32) : new Color(70, 82, 58));
                g.fillRect(0, horizon + 60, WIDTH, HEIGHT);
            }
        }
        return horizon;
    }

    private static void ridge(Graphics2D g, int base, int amplitude, Color color, Random random) {
        Path2D path = new Path2D.Float();
        path.moveTo(0, HEIGHT);
        double phase = random.nextDouble() * 10;
        for (int x = 0; x <= WIDTH; x += 20) {
            double y = base - amplitude * (0.55 * Math.sin(x / 210.0 + phase) + 0.3 * Math.sin(x / 83.0 + phase * 2) + 0.15 * Math.sin(x / 37.0));
            path.lineTo(x, y);
        }
        path.lineTo(WIDTH, HEIGHT);
        path.closePath();
        g.setColor(color);
        g.fill(path);
    }

    private static void smoke(Graphics2D g, float x, float y, float height, Random random, boolean fire) {
        for (int i = 0; i < 26; i++) {
            float t = i / 26f;
            float r = 40 + 160 * t + random.nextInt(40);
            float cx = x + (float) Math.sin(t * 3 + random.nextDouble()) * 60 + t * 220;
            float cy = y - height * t;
            int shade = 50 + (int) (60 * t);
            g.setPaint(new RadialGradientPaint(new Point2D.Float(cx, cy), r, new float[] {0f, 1f},
                    new Color[] {new Color(shade, shade - 4, shade - 8, 150), new Color(shade, shade, shade, 0)},
                    MultipleGradientPaint.CycleMethod.NO_CYCLE));
            g.fill(new Ellipse2D.Float(cx - r, cy - r, r * 2, r * 2));
        }
        if (fire) {
            g.setPaint(new RadialGradientPaint(new Point2D.Float(x, y), 70, new float[] {0f, 1f},
                    new Color[] {new Color(255, 190, 80, 230), new Color(255, 90, 20, 0)}));
            g.fill(new Ellipse2D.Float(x - 70, y - 70, 140, 140));
        }
    }

    private static void subject(Graphics2D g, Subject subject, int horizon, Random random) {
        Color silhouette = new Color(22, 24, 28);
        g.setColor(silhouette);
        switch (subject) {
            case SMOKE -> {
                smoke(g, 420, horizon - 60, 520, random, true);
                smoke(g, 1050, horizon - 30, 380, random, true);
                buildings(g, horizon + 40, random);
            }
            case WARSHIP -> warship(g, 380, horizon + 10, 1.0f);
            case SUBMARINE -> submarine(g, 300, horizon + 30);
            case JETS -> {
                jet(g, 520, 320, 1.3f, -8);
                jet(g, 860, 400, 1.0f, -8);
                jet(g, 1150, 470, 0.8f, -8);
                g.setColor(new Color(255, 255, 255, 110));
                g.setStroke(new BasicStroke(6));
                g.drawLine(80, 420, 430, 335);
                g.drawLine(420, 500, 780, 412);
            }
            case CONVOY -> {
                for (int i = 0; i < 5; i++) {
                    vehicle(g, 120 + i * 300, horizon + 130 + i * 8, 1.0f + i * 0.05f);
                }
                g.setColor(new Color(214, 190, 150, 120));
                g.fill(new Ellipse2D.Float(-100, horizon + 120, 1800, 140));
            }
            case RADAR -> radar(g, 700, horizon + 60);
            case HELICOPTER -> helicopter(g, 620, 330, 1.4f);
            case DRONE -> drone(g, 760, 300, 1.5f);
            case ARTILLERY -> {
                artillery(g, 500, horizon + 160);
                smoke(g, 900, horizon + 30, 200, random, false);
            }
            case CARGO_PLANE -> cargoPlane(g, 360, horizon - 10, 1.4f);
            default -> {
            }
        }
    }

    private static void buildings(Graphics2D g, int base, Random random) {
        g.setColor(new Color(30, 28, 30));
        int x = 0;
        while (x < WIDTH) {
            int w = 40 + random.nextInt(90);
            int h = 30 + random.nextInt(110);
            g.fillRect(x, base - h, w, h + 400);
            x += w + random.nextInt(30);
        }
    }

    private static void warship(Graphics2D g, float x, float y, float s) {
        Path2D hull = new Path2D.Float();
        hull.moveTo(x, y - 30 * s);
        hull.lineTo(x + 900 * s, y - 40 * s);
        hull.lineTo(x + 820 * s, y + 30 * s);
        hull.lineTo(x + 60 * s, y + 30 * s);
        hull.closePath();
        g.fill(hull);
        g.fill(new Rectangle2D.Float(x + 300 * s, y - 130 * s, 260 * s, 100 * s));
        g.fill(new Rectangle2D.Float(x + 380 * s, y - 210 * s, 90 * s, 90 * s));
        g.fill(new Rectangle2D.Float(x + 418 * s, y - 290 * s, 12 * s, 90 * s));
        g.fill(new Rectangle2D.Float(x + 150 * s, y - 70 * s, 90 * s, 40 * s));
        g.setStroke(new BasicStroke(10 * s));
        g.drawLine((int) (x + 150 * s), (int) (y - 55 * s), (int) (x + 60 * s), (int) (y - 70 * s));
        g.fill(new Rectangle2D.Float(x + 620 * s, y - 80 * s, 120 * s, 50 * s));
    }

    private static void submarine(Graphics2D g, float x, float y) {
        g.fill(new Ellipse2D.Float(x, y - 40, 1000, 80));
        g.fill(new Rectangle2D.Float(x + 380, y - 130, 120, 100));
        g.fill(new Rectangle2D.Float(x + 420, y - 190, 10, 70));
        g.setColor(new Color(255, 255, 255, 60));
        g.fillRect((int) x - 40, (int) y + 12, 1100, 6);
    }

    private static void jet(Graphics2D g, float x, float y, float s, float tilt) {
        Graphics2D j = (Graphics2D) g.create();
        j.translate(x, y);
        j.rotate(Math.toRadians(tilt));
        j.scale(s, s);
        j.setColor(new Color(38, 42, 48));
        GeneralPath body = new GeneralPath();
        body.moveTo(-120, 0);
        body.lineTo(110, -8);
        body.lineTo(140, 0);
        body.lineTo(110, 8);
        body.closePath();
        j.fill(body);
        GeneralPath wing = new GeneralPath();
        wing.moveTo(-10, 0);
        wing.lineTo(-70, 80);
        wing.lineTo(-40, 80);
        wing.lineTo(40, 0);
        wing.lineTo(-40, -80);
        wing.lineTo(-70, -80);
        wing.closePath();
        j.fill(wing);
        GeneralPath tail = new GeneralPath();
        tail.moveTo(-100, 0);
        tail.lineTo(-130, -40);
        tail.lineTo(-110, -40);
        tail.lineTo(-70, 0);
        tail.closePath();
        j.fill(tail);
        j.dispose();
    }

    private static void vehicle(Graphics2D g, float x, float y, float s) {
        g.setColor(new Color(48, 50, 40));
        g.fill(new Rectangle2D.Float(x, y - 60 * s, 220 * s, 50 * s));
        g.fill(new Rectangle2D.Float(x + 60 * s, y - 95 * s, 100 * s, 40 * s));
        g.fill(new Rectangle2D.Float(x + 150 * s, y - 85 * s, 110 * s, 10 * s));
        g.setColor(new Color(24, 24, 22));
        for (int i = 0; i < 4; i++) {
            g.fill(new Ellipse2D.Float(x + (10 + i * 52) * s, y - 22 * s, 44 * s, 44 * s));
        }
    }

    private static void radar(Graphics2D g, float x, float y) {
        g.fill(new Rectangle2D.Float(x - 160, y - 60, 320, 60));
        g.fill(new Rectangle2D.Float(x - 20, y - 200, 40, 150));
        Path2D dish = new Path2D.Float();
        dish.moveTo(x - 180, y - 330);
        dish.quadTo(x, y - 150, x + 180, y - 330);
        dish.lineTo(x + 160, y - 320);
        dish.quadTo(x, y - 180, x - 160, y - 320);
        dish.closePath();
        g.fill(dish);
        g.setStroke(new BasicStroke(8));
        g.drawLine((int) x, (int) (y - 200), (int) x, (int) (y - 300));
        for (int i = 0; i < 3; i++) {
            g.fill(new Rectangle2D.Float(x + 260 + i * 140, y - 90, 110, 40));
            Graphics2D t = (Graphics2D) g.create();
            t.translate(x + 300 + i * 140, y - 90);
            t.rotate(Math.toRadians(-35));
            t.fill(new Rectangle2D.Float(0, -14, 160, 28));
            t.dispose();
        }
    }

    private static void helicopter(Graphics2D g, float x, float y, float s) {
        g.fill(new Ellipse2D.Float(x, y, 260 * s, 110 * s));
        g.fill(new Rectangle2D.Float(x + 220 * s, y + 35 * s, 260 * s, 24 * s));
        g.fill(new Rectangle2D.Float(x + 460 * s, y - 10 * s, 16 * s, 70 * s));
        g.setStroke(new BasicStroke(8 * s));
        g.drawLine((int) (x - 180 * s), (int) (y - 22 * s), (int) (x + 440 * s), (int) (y - 30 * s));
        g.fill(new Rectangle2D.Float(x + 120 * s, y - 30 * s, 14 * s, 34 * s));
        g.drawLine((int) (x + 40 * s), (int) (y + 130 * s), (int) (x + 230 * s), (int) (y + 130 * s));
    }

    private static void drone(Graphics2D g, float x, float y, float s) {
        g.fill(new Ellipse2D.Float(x, y, 220 * s, 36 * s));
        g.fill(new Rectangle2D.Float(x - 200 * s, y + 10 * s, 620 * s, 12 * s));
        Path2D tail = new Path2D.Float();
        tail.moveTo(x + 200 * s, y + 18 * s);
        tail.lineTo(x + 280 * s, y - 30 * s);
        tail.lineTo(x + 290 * s, y + 18 * s);
        tail.closePath();
        g.fill(tail);
        g.fill(new Ellipse2D.Float(x + 20 * s, y + 30 * s, 30 * s, 22 * s));
    }

    private static void artillery(Graphics2D g, float x, float y) {
        g.fill(new Rectangle2D.Float(x, y - 70, 340, 70));
        g.fill(new Rectangle2D.Float(x + 60, y - 130, 180, 60));
        Graphics2D b = (Graphics2D) g.create();
        b.translate(x + 220, y - 110);
        b.rotate(Math.toRadians(-28));
        b.fill(new Rectangle2D.Float(0, -9, 380, 18));
        b.dispose();
        for (int i = 0; i < 5; i++) {
            g.fill(new Ellipse2D.Float(x + 10 + i * 66, y - 20, 50, 50));
        }
    }

    private static void cargoPlane(Graphics2D g, float x, float y, float s) {
        g.fill(new Ellipse2D.Float(x, y - 50 * s, 700 * s, 90 * s));
        Path2D wing = new Path2D.Float();
        wing.moveTo(x + 250 * s, y - 45 * s);
        wing.lineTo(x + 430 * s, y - 45 * s);
        wing.lineTo(x + 600 * s, y - 62 * s);
        wing.lineTo(x + 100 * s, y - 62 * s);
        wing.closePath();
        g.fill(wing);
        Path2D fin = new Path2D.Float();
        fin.moveTo(x + 600 * s, y - 40 * s);
        fin.lineTo(x + 680 * s, y - 190 * s);
        fin.lineTo(x + 720 * s, y - 190 * s);
        fin.lineTo(x + 700 * s, y - 30 * s);
        fin.closePath();
        g.fill(fin);
        for (int i = 0; i < 4; i++) {
            g.fill(new Rectangle2D.Float(x + (150 + i * 90) * s, y - 58 * s, 50 * s, 18 * s));
        }
        for (int i = 0; i < 3; i++) {
            g.fill(new Ellipse2D.Float(x + (200 + i * 50) * s, y + 30 * s, 34 * s, 34 * s));
        }
    }

    private static void space(Graphics2D g, Random random) {
        g.setColor(new Color(4, 6, 14));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(255, 255, 255, 200));
        for (int i = 0; i < 400; i++) {
            int s = random.nextInt(2) + 1;
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), s, s);
        }
        g.setPaint(new RadialGradientPaint(new Point2D.Float(WIDTH * 0.5f, HEIGHT * 2.1f), HEIGHT * 1.6f, new float[] {0.0f, 0.93f, 1f},
                new Color[] {new Color(30, 80, 160), new Color(70, 140, 210), new Color(150, 200, 255, 0)}));
        g.fill(new Ellipse2D.Float(WIDTH * 0.5f - HEIGHT * 1.6f, HEIGHT * 2.1f - HEIGHT * 1.6f, HEIGHT * 3.2f, HEIGHT * 3.2f));
        g.setColor(new Color(200, 200, 190));
        g.fill(new Rectangle2D.Float(720, 300, 160, 120));
        g.setColor(new Color(40, 70, 130));
        for (int i = 0; i < 4; i++) {
            g.fill(new Rectangle2D.Float(380 + i * 80, 330, 70, 60));
            g.fill(new Rectangle2D.Float(900 + i * 80, 330, 70, 60));
        }
        g.setColor(new Color(170, 170, 160));
        g.fill(new Ellipse2D.Float(760, 230, 80, 80));
    }

    private static void conference(Graphics2D g, Random random) {
        g.setPaint(new GradientPaint(0, 0, new Color(40, 46, 60), 0, HEIGHT, new Color(18, 20, 26)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Color[] flags = {new Color(180, 40, 40), new Color(40, 70, 150), new Color(230, 200, 60), new Color(30, 120, 70), new Color(230, 230, 230)};
        for (int i = 0; i < 7; i++) {
            g.setColor(new Color(120, 110, 90));
            g.fillRect(200 + i * 180, 120, 8, 420);
            g.setColor(flags[(i + random.nextInt(2)) % flags.length]);
            g.fill(new Rectangle2D.Float(208 + i * 180, 130, 110, 150));
        }
        g.setColor(new Color(90, 60, 40));
        g.fill(new Rectangle2D.Float(100, 560, 1400, 80));
        g.setColor(new Color(14, 14, 18));
        for (int i = 0; i < 8; i++) {
            float cx = 190 + i * 170;
            g.fill(new Ellipse2D.Float(cx, 430, 70, 80));
            g.fill(new Rectangle2D.Float(cx - 30, 500, 130, 70));
        }
        g.setColor(new Color(200, 200, 210, 90));
        for (int i = 0; i < 8; i++) {
            g.fill(new Rectangle2D.Float(200 + i * 170, 575, 50, 8));
        }
    }

    /** A little noise so the JPEGs look photographic rather than flat. */
    private static void grain(BufferedImage image, Random random) {
        for (int i = 0; i < 60_000; i++) {
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            int rgb = image.getRGB(x, y);
            int d = random.nextInt(17) - 8;
            int r = clamp(((rgb >> 16) & 0xff) + d);
            int gr = clamp(((rgb >> 8) & 0xff) + d);
            int b = clamp((rgb & 0xff) + d);
            image.setRGB(x, y, (r << 16) | (gr << 8) | b);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
