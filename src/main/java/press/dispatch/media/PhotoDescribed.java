package press.dispatch.media;

/** A photo's caption, alt text, credit or focal point was corrected in the library. */
public record PhotoDescribed(long mediaId) {
}
