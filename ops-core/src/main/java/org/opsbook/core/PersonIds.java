package org.opsbook.core;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opsbook.core.internal.text.CodePoints;

/**
 * The one canonical form of a person's ID, so that one person is one ID at every boundary and the separation-of-duties
 * guards (DATAOP-MOD-14, DATAOP-MOD-12, DATAOP-EXT-05 …) compare people, not spellings.
 *
 * <p>{@link #canonical(String, String)} applies Unicode NFKC (full-width {@code ｌｉ} becomes {@code li}), trims
 * surrounding white space and case-folds ({@code Li} becomes {@code li}). It refuses, with an
 * {@link InvalidInputException} naming the field: a blank ID; an invisible character (zero-width space and joiners,
 * BOM, soft hyphen, Hangul fillers, variation selectors and other default-ignorable or format characters); a control
 * or private-use character; a combining mark left over after composition; white space of any kind inside the ID; an
 * ID that mixes scripts (Latin with Cyrillic or Greek, as in Cyrillic {@code lі}; Latin with Han, kana or Hangul is
 * allowed); phonetic letters that look like Latin ones ({@code ɡ}, {@code ɑ}, small capitals); and an ID written
 * wholly in Cyrillic or Greek letters that look like Latin ones.
 *
 * <p>Every {@link Actor}, {@link Person} and {@link org.opsbook.core.memory.InMemoryDirectory} lookup goes through
 * here, as do the ID-valued fields of the workflows' event data; a host's own
 * {@link org.opsbook.core.spi.Directory} must key people by this form. Thread-safe.
 *
 * <pre>{@code
 * PersonIds.canonical("reviewer", " Ｌi ");   // "li"
 * PersonIds.canonical("reviewer", "l\u0456"); // InvalidInputException: reviewer: … mixes scripts
 * }</pre>
 */
public final class PersonIds {
  private PersonIds() {}

  /**
   * The most characters a person's ID may have: storage records who acted in columns of bounded width, and an ID that
   * does not fit is refused naming its field, not by the database on the way.
   */
  public static final int MAX_LENGTH = 128;

  /** Script combinations an ID may use together (UTS #39 "highly restrictive"), besides any single script. */
  private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
      EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
      EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
      EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

  /**
   * Lower-case Cyrillic and Greek letters that look like Latin letters; an ID made only of these is refused as a
   * look-alike of a Latin ID.
   */
  private static final String LATIN_LOOK_ALIKES =
      // Cyrillic: а в г е ѕ і ј к м н о п р с т у х ү һ ӏ ԁ ԛ ԝ ѵ ѡ ь ы
      "\u0430\u0432\u0433\u0435\u0455\u0456\u0458\u043a\u043c\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u0445"
          + "\u04af\u04bb\u04cf\u0501\u051b\u051d\u0475\u0461\u044c\u044b"
          // Greek: α β γ ε ι κ ν ο ρ τ υ χ ω ϲ ϳ
          + "\u03b1\u03b2\u03b3\u03b5\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7\u03c9\u03f2\u03f3";

  /**
   * Returns the canonical form of a person's ID.
   *
   * @param field the path of the field the ID came in, named by the error (e.g. {@code reviewerId},
   *     {@code actor.id})
   * @param raw the ID as given
   * @return the ID in NFKC, trimmed and case-folded
   * @throws InvalidInputException when the ID is null, blank, longer than {@link #MAX_LENGTH}, holds an invisible,
   *     control or combining character or inner white space, mixes scripts or is a look-alike of a Latin ID
   */
  public static String canonical(String field, String raw) {
    if (raw == null) {
      throw new InvalidInputException(field, "a person id is required");
    }
    String s = fold(raw);
    if (s.isEmpty()) {
      throw new InvalidInputException(field, "a person id must not be blank");
    }
    if (s.length() > MAX_LENGTH) {
      throw new InvalidInputException(field, "a person id has at most " + MAX_LENGTH + " characters, not "
          + s.length());
    }
    Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
    boolean allLookAlikes = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      String bad = refusal(cp);
      if (bad != null) {
        throw new InvalidInputException(field, "a person id must not contain " + bad + " ("
            + CodePoints.name(cp) + " at " + i + ")");
      }
      UnicodeScript script = UnicodeScript.of(cp);
      if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
        scripts.add(script);
        allLookAlikes &= LATIN_LOOK_ALIKES.indexOf(cp) >= 0;
      }
      i += Character.charCount(cp);
    }
    if (scripts.size() > 1 && ALLOWED_MIXES.stream().noneMatch(m -> m.containsAll(scripts))) {
      throw new InvalidInputException(field, "a person id must not mix scripts " + scripts
          + " (look-alike characters)");
    }
    if (allLookAlikes && (scripts.equals(EnumSet.of(UnicodeScript.CYRILLIC))
        || scripts.equals(EnumSet.of(UnicodeScript.GREEK)))) {
      throw new InvalidInputException(field, "a person id must not be written in " + scripts
          + " letters that look like Latin ones");
    }
    return s;
  }

  /** Returns true when {@code raw} is already canonical: {@link #canonical} would return it unchanged. */
  public static boolean isCanonical(String raw) {
    try {
      return raw != null && canonical("", raw).equals(raw);
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /**
   * NFKC, case fold (upper then lower, so ß, ſ and the Kelvin sign fold too), NFKC again, decimal digits of any
   * script as ASCII digits, trim.
   */
  private static String fold(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (cp > 0x7F && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        b.append((char) ('0' + Character.digit(cp, 10)));
      } else if (b != null) {
        b.appendCodePoint(cp);
      }
      i += n;
    }
    return (b == null ? s : b.toString()).strip();
  }

  /** Returns what is wrong with one code point of a folded ID, or null when it may stand in an ID. */
  private static String refusal(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return "white space";
    }
    if ((cp >= 0x0250 && cp <= 0x02AF) || (cp >= 0x1D00 && cp <= 0x1DBF) || (cp >= 0x01C0 && cp <= 0x01C3)) {
      return "a phonetic letter that looks like a Latin one";
    }
    String hidden = CodePoints.hidden(cp);
    if (hidden != null) {
      return hidden;
    }
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
        return "a combining mark";
      default:
        return null;
    }
  }
}
