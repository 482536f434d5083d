// The stylesheet minifier used when the stylesheet is put inside index.html (see postbuild.mjs).
// Its own file, so that tests/e2e/css.test.mjs can check it without running a build.

/**
 * Removes comments and the white space that CSS ignores. Deliberately cautious: it never
 * touches quoted text or the space in a selector like `.a :focus` (a space before a colon can
 * be a descendant combinator), only space around braces, semicolons, commas and `>`, and
 * after a colon.
 */
export function minifyCss(source) {
  // Strings ('...' or "...") and comments, found together so that quotes inside a comment
  // cannot hide it and "/*" inside a string stays part of the string. After the split, the
  // odd-numbered parts are the strings and comments.
  const token = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\*[\s\S]*?\*\/)/;
  const parts = source.split(token);
  // A comment is not white space: `.a/* x */.b` is `.a.b`. It goes, leaving a space only
  // where two names or numbers would otherwise run together.
  const word = /[\w-]/;
  const kept = parts.map((part, i) => {
    if (i % 2 === 0 || !part.startsWith("/*")) return part;
    const before = (parts[i - 1] ?? "").slice(-1);
    const after = (parts[i + 1] ?? "").slice(0, 1);
    return word.test(before) && word.test(after) ? " " : "";
  });
  // Join the pieces that are not strings, so white space is removed across a removed comment.
  const pieces = [];
  let plain = "";
  kept.forEach((part, i) => {
    if (i % 2 === 1 && !parts[i].startsWith("/*")) {
      pieces.push(plain, part);
      plain = "";
    } else {
      plain += part;
    }
  });
  pieces.push(plain);
  return pieces
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, " ")
            .replace(/\s*([{};,>])\s*/g, "$1")
            .replace(/:\s+/g, ":")
            .replace(/;}/g, "}"),
    )
    .join("")
    .trim();
}
