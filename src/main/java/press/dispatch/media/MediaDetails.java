package press.dispatch.media;

/** What an editor says about a photo when adding it. */
public record MediaDetails(String caption, String altText, Credit credit) {

    public MediaDetails {
        caption = caption == null ? "" : caption.strip();
        altText = altText == null ? "" : altText.strip();
        credit = credit == null ? new Credit("", "", "") : credit;
    }
}
