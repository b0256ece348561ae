/**
 * The demo site loaded on first start of the embedded default: "Defence Talks", its sections, authors and
 * fictional articles, with photos drawn here in Java (never downloaded). Also generates filler articles for
 * benchmarks when asked to.
 */
package press.dispatch.demo;
