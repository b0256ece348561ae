package press.dispatch.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Who made a photo and on what terms.
 *
 * @param photographer the person, may be empty
 * @param organisation the agency or unit, may be empty
 * @param licence      e.g. "All rights reserved" or "CC BY 4.0", may be empty
 */
public record Credit(String photographer, String organisation, String licence) {

    public Credit {
        photographer = photographer == null ? "" : photographer.strip();
        organisation = organisation == null ? "" : organisation.strip();
        licence = licence == null ? "" : licence.strip();
    }

    public boolean isEmpty() {
        return photographer.isEmpty() && organisation.isEmpty() && licence.isEmpty();
    }

    /** One line for a caption: "Photo: Ana Ruiz / Coastal Agency (CC BY 4.0)". */
    public String line() {
        List<String> who = new ArrayList<>();
        if (!photographer.isEmpty()) {
            who.add(photographer);
        }
        if (!organisation.isEmpty()) {
            who.add(organisation);
        }
        String line = who.isEmpty() ? "" : "Photo: " + String.join(" / ", who);
        if (!licence.isEmpty()) {
            line = line.isEmpty() ? licence : line + " (" + licence + ")";
        }
        return line;
    }
}
