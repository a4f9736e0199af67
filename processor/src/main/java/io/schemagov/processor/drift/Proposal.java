package io.schemagov.processor.drift;

import io.schemagov.revision.Chain;
import io.schemagov.revision.Plan;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The proposed next revision: id = head + 1 at the width the chain uses (4 for a new chain), parent =
 * head, the planner's ops (destructive ones unacknowledged), the differences as message, and a file
 * name slugged from the first difference ({@code 0005_new_table_case_note.yaml}).
 */
record Proposal(Revision revision, String fileName) {
  private static final int DEFAULT_WIDTH = 4;
  private static final int SLUG_LENGTH = 40;

  static Proposal of(Chain chain, Plan plan) {
    String head = chain.head();
    String id = Chain.BASE.equals(head) ? pad(BigInteger.ONE, DEFAULT_WIDTH)
        : pad(new BigInteger(head).add(BigInteger.ONE), head.length());
    String first = plan.differences().isEmpty() ? plan.ops().get(0).describe() : plan.differences().get(0);
    String message = plan.differences().isEmpty() ? first : String.join("; ", plan.differences());
    Revision revision = new Revision(id, Chain.BASE.equals(head) ? null : head, message, plan.ops(), null);
    return new Proposal(revision, id + "_" + slug(first) + ".yaml");
  }

  /**
   * Writes the file, creating the directory; never replaces a file (the developer's edits are theirs):
   * an existing file of that name fails with {@link java.nio.file.FileAlreadyExistsException}.
   */
  Path write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(fileName);
    Files.writeString(file, RevisionFiles.write(revision), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    return file;
  }

  private static String pad(BigInteger id, int width) {
    String digits = id.toString();
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (slug.length() > SLUG_LENGTH) {
      slug = slug.substring(0, SLUG_LENGTH).replaceAll("_[^_]*$|_+$", "");
    }
    return slug.isEmpty() ? "drift" : slug;
  }
}
