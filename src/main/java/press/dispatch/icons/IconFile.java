package press.dispatch.icons;

/** One stored size of the icon. */
record IconFile(String name, String contentType, byte[] bytes, String version) {
}
