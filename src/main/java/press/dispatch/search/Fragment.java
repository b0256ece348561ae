package press.dispatch.search;

import java.util.ArrayList;
import java.util.List;

/** A piece of plain text in a headline or snippet; {@code marked} when it matched the query. Templates escape it. */
public record Fragment(String text, boolean marked) {

    /** Begins and ends a marked stretch in text from the database; stored text never holds control characters. */
    static final char OPEN = '\u0001';
    static final char CLOSE = '\u0002';

    static List<Fragment> parse(String marked) {
        List<Fragment> fragments = new ArrayList<>();
        if (marked == null) {
            return fragments;
        }
        StringBuilder current = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == OPEN || c == CLOSE) {
                if (!current.isEmpty()) {
                    fragments.add(new Fragment(current.toString(), inside));
                    current.setLength(0);
                }
                inside = c == OPEN;
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            fragments.add(new Fragment(current.toString(), inside));
        }
        return fragments;
    }
}
