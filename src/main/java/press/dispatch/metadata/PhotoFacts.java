package press.dispatch.metadata;

/**
 * One photo as its structured data describes it: the picture, its own page, its caption and its credit. Paths are
 * site-relative.
 *
 * @param page         the photo's own page ({@code /galleries/{slug}/{n}})
 * @param src          the picture at the size its page shows it
 * @param caption      may be empty
 * @param alt          the text alternative (a sharing card's image alt text)
 * @param photographer the person credited, may be empty
 * @param organisation the agency or unit credited, may be empty
 * @param licence      the licence as the photo desk wrote it ("CC BY 4.0", "All rights reserved", an address), may be empty
 */
public record PhotoFacts(String page, String src, int width, int height, String caption, String alt, String photographer,
                         String organisation, String licence) {
}
