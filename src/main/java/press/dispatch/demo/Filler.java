package press.dispatch.demo;

import java.util.List;

/** Generated, plainly fictional article text for benchmarks and pagination. */
final class Filler {

    private static final List<String> TOPICS = List.of("Logistics", "Procurement", "Training", "Readiness", "Cyber", "Recruitment", "Maintenance");
    private static final List<String> PLACES = List.of("the northern range", "the coastal base", "the capital", "the eastern flank", "the southern plains",
            "the island garrison", "the mountain passes");

    private Filler() {
    }

    static String topic(int n) {
        return TOPICS.get(n % TOPICS.size());
    }

    static String headline(int n) {
        return topic(n) + " update " + (n + 1) + " from " + PLACES.get((n / 7) % PLACES.size());
    }

    static String standfirst(int n) {
        return "Generated filler report number " + (n + 1) + " about " + topic(n).toLowerCase(java.util.Locale.ROOT) + ".";
    }

    static String body(int n) {
        String place = PLACES.get((n / 7) % PLACES.size());
        return """
                This generated report number %d describes routine %s work at %s. It exists so that the site has many articles to list, search and page through.

                ## Details

                Officials quoted in this filler text are invented. Figures are invented too: %d people, %d vehicles and %d days.

                > "Nothing in this article happened," said nobody.

                *Generated filler article for benchmarks.*
                """.formatted(n + 1, topic(n).toLowerCase(java.util.Locale.ROOT), place, 10 + n % 90, 3 + n % 20, 1 + n % 14);
    }
}
