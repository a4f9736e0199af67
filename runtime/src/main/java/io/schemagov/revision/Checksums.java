package io.schemagov.revision;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Versioned checksums of a revision's ops, stored in the history table to detect a revision edited
 * after it was applied.
 *
 * <p>Format {@code v1:<64 hex digits>}: the SHA-256 of the UTF-8 bytes of the canonical JSON of the
 * revision's parsed ops: a JSON array with one {@code {"<op key>": {...}}} object per op, every field
 * written (derived constraint names spelt out, flags at their defaults included, absent defaults
 * left out), keys sorted, no whitespace; column types in their normal text form ({@code varchar(200)}).
 * Reformatting, comments, key order, quoting or spelling out a derived name change nothing; a
 * changed op, an added or removed op, or a reordering does. The message, id and parent are not part
 * of it (the history stores them apart).
 *
 * <p>A future change of the canonical form becomes {@code v2}; {@link #matches} keeps verifying
 * stored {@code v1} checksums with the v1 form, so existing histories stay valid.
 */
public final class Checksums {
  public static final String V1 = "v1";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Checksums() {}

  /** The checksum of {@code revision} in the current format. */
  public static String of(Revision revision) {
    return V1 + ":" + sha256(canonicalV1(revision));
  }

  /**
   * Whether {@code stored} is the checksum of {@code revision} in the format it names; throws
   * {@link IllegalArgumentException} for a format this version does not know (written by a newer one).
   */
  public static boolean matches(String stored, Revision revision) {
    int colon = stored == null ? -1 : stored.indexOf(':');
    String version = colon < 0 ? "" : stored.substring(0, colon);
    if (version.equals(V1)) {
      return stored.equals(of(revision));
    }
    throw new IllegalArgumentException("checksum '" + stored + "' of revision " + revision.id()
        + " has an unknown format; it was written by a newer schemagov, use that version");
  }

  /** The v1 canonical text that the checksum hashes; public so users can see what is compared. */
  public static String canonicalV1(Revision revision) {
    try {
      return JSON.writeValueAsString(RevisionFiles.canonical(revision.ops()));
    } catch (JacksonException e) {
      throw new IllegalStateException("a tree of strings, numbers and booleans always writes", e);
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
