// The stylesheet minifier: smaller, never different in meaning.
import { test } from "node:test";
import assert from "node:assert/strict";
import { minifyCss } from "../../scripts/css.mjs";

test("comments go without joining or splitting what is either side of them", () => {
  const table = [
    [".a/* x */.b { color: red; }", ".a.b{color:red}"],
    ["a/* x */:hover { color: red }", "a:hover{color:red}"],
    ["a {\n  /* a comment with \"quotes\" in it */\n  color: red;\n}", "a{color:red}"],
    ["p { margin: 1px/**/2px }", "p{margin:1px 2px}"],
    [".a .b :focus { outline: 0 }", ".a .b :focus{outline:0}"],
  ];
  for (const [source, small] of table) assert.equal(minifyCss(source), small, source);
});

test("text in quotes is never changed, even when it looks like a comment", () => {
  assert.equal(minifyCss('.x::before { content: "/* kept  as is */" }'), '.x::before{content:"/* kept  as is */"}');
  assert.equal(minifyCss(".x::before { content: '/*' } .y { color: red }"), ".x::before{content:'/*'}.y{color:red}");
});
