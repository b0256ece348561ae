package press.dispatch.demo;

import java.util.List;

/** One demo article with the photo drawn for it. */
record DemoStory(String section, String author, String headline, String standfirst, String body, List<String> tags, DemoPhotos.Scene scene,
                 String caption, String alt, String photographer, String organisation, int hoursAgo) {
}
