package io.schemagov.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a generated block into its section of BENCHMARKS.md, between {@code <!-- pN:begin -->} and
 * {@code <!-- pN:end -->}; the rest of the section (the notes written by hand) and the other
 * sections stay as they are. A missing section is appended.
 */
final class Report {
  private Report() {}

  static void write(Path file, String key, String heading, String block) throws Exception {
    String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
    String begin = "<!-- " + key + ":begin -->";
    String end = "<!-- " + key + ":end -->";
    String generated = begin + "\n" + block.strip() + "\n" + end;
    Matcher existing = Pattern.compile(Pattern.quote(begin) + ".*?" + Pattern.quote(end), Pattern.DOTALL).matcher(text);
    if (existing.find()) {
      text = text.substring(0, existing.start()) + generated + text.substring(existing.end());
    } else {
      text = text.stripTrailing() + "\n\n" + heading + "\n\n" + generated + "\n";
    }
    Files.writeString(file, text);
  }
}
