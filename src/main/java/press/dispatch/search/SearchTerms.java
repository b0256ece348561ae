package press.dispatch.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A reader's query as terms: each term is a list of words that must stand together (one word, or a phrase). Words are
 * runs of letters and digits, lower-cased; everything else separates them, so no operator, quote, bracket, {@code *}
 * or control character ever reaches a search engine as syntax. Quotes make a phrase; an unclosed quote is ignored.
 * Words joined by punctuation ({@code F-35}, {@code don't}) are a phrase too, as the indexes split them the same way.
 */
record SearchTerms(List<List<String>> terms) {

    /** Longer input is cut: no reader types more, and it bounds the work a query can ask for. */
    static final int MAX_CHARACTERS = 500;
    static final int MAX_TERMS = 10;
    static final int MAX_WORD_LENGTH = 60;

    boolean isEmpty() {
        return terms.isEmpty();
    }

    static SearchTerms parse(String query) {
        if (query == null || query.isBlank()) {
            return new SearchTerms(List.of());
        }
        String text = query.length() > MAX_CHARACTERS ? query.substring(0, MAX_CHARACTERS) : query;
        Set<List<String>> terms = new LinkedHashSet<>();
        boolean quoted = false;
        List<String> phrase = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
                continue;
            }
            endWord(word, quoted ? phrase : chunk);
            if (c == '"' || c == '\u201C' || c == '\u201D') {
                if (quoted) {
                    addTerm(terms, phrase);
                    phrase = new ArrayList<>();
                } else {
                    addTerm(terms, chunk);
                    chunk = new ArrayList<>();
                }
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                addTerm(terms, chunk);
                chunk = new ArrayList<>();
            }
        }
        endWord(word, quoted ? phrase : chunk);
        addTerm(terms, chunk);
        if (quoted) {
            // An unclosed quote: its words count one by one.
            phrase.forEach(w -> addTerm(terms, List.of(w)));
        }
        return new SearchTerms(terms.stream().limit(MAX_TERMS).toList());
    }

    private static void endWord(StringBuilder word, List<String> into) {
        if (!word.isEmpty()) {
            String w = word.toString().toLowerCase(Locale.ROOT);
            into.add(w.length() > MAX_WORD_LENGTH ? w.substring(0, MAX_WORD_LENGTH) : w);
            word.setLength(0);
        }
    }

    private static void addTerm(Set<List<String>> terms, List<String> words) {
        if (!words.isEmpty()) {
            terms.add(List.copyOf(words));
        }
    }

    /** Every word of every term, for the engines' phrase functions (terms hold only letters and digits). */
    List<String> phrases() {
        return terms.stream().map(t -> String.join(" ", t)).toList();
    }
}
