using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using CloudTrailSdk.Generator.Json;
using Xunit;

namespace CloudTrailSdk.Generator.Tests.Json
{
    [Trait("Category", "Unit")]
    public class JsonParserTests
    {
        // ---------------------------------------------------------------- helpers

        private static JsonNode ParseOk(string text)
        {
            JsonParseResult result = JsonParser.Parse(text, CancellationToken.None);
            Assert.True(result.Error is null, "Unexpected error: " + result.Error);
            Assert.NotNull(result.Root);
            return result.Root!;
        }

        private static JsonError ParseError(string text)
        {
            JsonParseResult result = JsonParser.Parse(text, CancellationToken.None);
            Assert.Null(result.Root);
            Assert.NotNull(result.Error);
            return result.Error!;
        }

        private static T As<T>(JsonNode? node)
            where T : JsonNode
        {
            Assert.NotNull(node);
            return Assert.IsType<T>(node);
        }

        private static string Slice(string text, JsonNode node) => text.Substring(node.Start, node.End - node.Start);

        // ---------------------------------------------------------------- valid documents

        [Fact]
        public void Parses_scalars_at_the_root()
        {
            Assert.True(As<JsonBool>(ParseOk("true")).Value);
            Assert.False(As<JsonBool>(ParseOk("false")).Value);
            Assert.Equal(JsonKind.Null, ParseOk("null").Kind);
            Assert.Equal("hello", As<JsonString>(ParseOk("\"hello\"")).Value);
            Assert.Equal("", As<JsonString>(ParseOk("\"\"")).Value);
            Assert.Equal("42", As<JsonNumber>(ParseOk("42")).Raw);
        }

        [Fact]
        public void Kinds_match_node_types()
        {
            var root = As<JsonArray>(ParseOk("[{}, [], \"s\", 1, true, false, null]"));
            Assert.Equal(
                new[] { JsonKind.Object, JsonKind.Array, JsonKind.String, JsonKind.Number, JsonKind.Bool, JsonKind.Bool, JsonKind.Null },
                root.Items.Select(i => i.Kind).ToArray());
            Assert.IsType<JsonObject>(root.Items[0]);
            Assert.IsType<JsonArray>(root.Items[1]);
            Assert.IsType<JsonString>(root.Items[2]);
            Assert.IsType<JsonNumber>(root.Items[3]);
            Assert.IsType<JsonBool>(root.Items[4]);
            Assert.IsType<JsonNull>(root.Items[6]);
            Assert.Equal(JsonKind.Array, root.Kind);
        }

        [Fact]
        public void Parses_empty_containers_with_whitespace()
        {
            Assert.Empty(As<JsonObject>(ParseOk(" { \t\r\n } ")).Properties);
            Assert.Empty(As<JsonArray>(ParseOk("[\n]")).Items);
        }

        [Fact]
        public void Object_keeps_property_order_and_supports_lookup()
        {
            var root = As<JsonObject>(ParseOk("{\"b\": 1, \"a\": [true, null], \"c\": {\"d\": \"x\"}}"));
            Assert.Equal(new[] { "b", "a", "c" }, root.Properties.Select(p => p.Name).ToArray());
            Assert.Equal("1", As<JsonNumber>(root["b"]).Raw);
            var a = As<JsonArray>(root["a"]);
            Assert.Equal(2, a.Items.Count);
            Assert.True(As<JsonBool>(a.Items[0]).Value);
            Assert.IsType<JsonNull>(a.Items[1]);
            Assert.Equal("x", As<JsonString>(As<JsonObject>(root["c"])["d"]).Value);

            Assert.Null(root["missing"]);
            Assert.Null(root["B"]); // ordinal, case-sensitive
            Assert.True(root.TryGet("c", out JsonNode c));
            Assert.Equal(JsonKind.Object, c.Kind);
            Assert.False(root.TryGet("nope", out _));
        }

        [Fact]
        public void Large_object_lookup_finds_every_property()
        {
            const int count = 40;
            string text = "{" + string.Join(",", Enumerable.Range(0, count).Select(i => "\"p" + i + "\":" + i)) + "}";
            var root = As<JsonObject>(ParseOk(text));
            Assert.Equal(count, root.Properties.Count);
            for (int i = 0; i < count; i++)
            {
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), As<JsonNumber>(root["p" + i]).Raw);
                Assert.Equal("p" + i, root.Properties[i].Name);
            }

            Assert.Null(root["p" + count]);
            Assert.False(root.TryGet("P1", out _));
        }

        [Fact]
        public void Byte_order_mark_at_start_is_skipped()
        {
            string text = "\uFEFF{\"a\":1}";
            var root = As<JsonObject>(ParseOk(text));
            Assert.Equal(1, root.Start);
            Assert.Equal(text.Length, root.End);
        }

        // ---------------------------------------------------------------- strings and escapes

        [Theory]
        [InlineData(@"""a\nb""", "a\nb")]
        [InlineData(@"""\""\\\/\b\f\n\r\t""", "\"\\/\b\f\n\r\t")]
        [InlineData(@"""caf\u00e9""", "café")]
        [InlineData(@"""caf\u00E9!""", "café!")]
        [InlineData(@"""\ud83d\ude00""", "\U0001F600")]
        [InlineData(@"""x\uD83D\uDE00y""", "x\U0001F600y")]
        [InlineData("\"raw é 😀 text\"", "raw é 😀 text")]
        [InlineData(@"""tail\\""", "tail\\")]
        [InlineData(@"""\u0000""", "\0")]
        public void Unescapes_strings(string json, string expected)
        {
            Assert.Equal(expected, As<JsonString>(ParseOk(json)).Value);
        }

        [Fact]
        public void Lone_surrogate_escapes_are_kept_as_is()
        {
            Assert.Equal("a\uD800b", As<JsonString>(ParseOk(@"""a\ud800b""")).Value);
            Assert.Equal("\uDC00", As<JsonString>(ParseOk(@"""\udc00""")).Value);
        }

        [Fact]
        public void Escaped_property_names_are_unescaped_and_positioned()
        {
            string text = "{\"a\\u0062c\": 1, \"\\\"q\\\"\": 2}";
            var root = As<JsonObject>(ParseOk(text));
            Assert.Equal("abc", root.Properties[0].Name);
            Assert.Equal("\"q\"", root.Properties[1].Name);
            Assert.Equal("\"a\\u0062c\"", text.Substring(root.Properties[0].NameStart, root.Properties[0].NameEnd - root.Properties[0].NameStart));
            Assert.Equal("\"\\\"q\\\"\"", text.Substring(root.Properties[1].NameStart, root.Properties[1].NameEnd - root.Properties[1].NameStart));
            Assert.Equal("1", As<JsonNumber>(root["abc"]).Raw);
        }

        [Fact]
        public void Long_strings_with_and_without_escapes()
        {
            string plain = new string('x', 20000);
            Assert.Equal(plain, As<JsonString>(ParseOk("\"" + plain + "\"")).Value);
            string escaped = string.Concat(Enumerable.Repeat("ab\\n", 5000));
            Assert.Equal(string.Concat(Enumerable.Repeat("ab\n", 5000)), As<JsonString>(ParseOk("\"" + escaped + "\"")).Value);
        }

        // ---------------------------------------------------------------- numbers

        [Theory]
        [InlineData("0", true, 0L, 0.0)]
        [InlineData("-0", true, 0L, 0.0)]
        [InlineData("42", true, 42L, 42.0)]
        [InlineData("-17", true, -17L, -17.0)]
        [InlineData("9223372036854775807", true, long.MaxValue, 9223372036854775807.0)]
        [InlineData("-9223372036854775808", true, long.MinValue, -9223372036854775808.0)]
        [InlineData("9223372036854775808", false, 0L, 9223372036854775808.0)]
        [InlineData("1.5", false, 0L, 1.5)]
        [InlineData("-0.25", false, 0L, -0.25)]
        [InlineData("1.0", false, 0L, 1.0)]
        [InlineData("1e3", false, 0L, 1000.0)]
        [InlineData("1E+3", false, 0L, 1000.0)]
        [InlineData("2.5e-3", false, 0L, 0.0025)]
        [InlineData("-6.02E23", false, 0L, -6.02e23)]
        public void Parses_numbers(string json, bool isInt64, long expectedLong, double expectedDouble)
        {
            var number = As<JsonNumber>(ParseOk(json));
            Assert.Equal(json, number.Raw);
            Assert.Equal(isInt64, number.TryGetInt64(out long l));
            if (isInt64)
            {
                Assert.Equal(expectedLong, l);
            }

            Assert.True(number.TryGetDouble(out double d));
            Assert.Equal(expectedDouble, d);
        }

        [Fact]
        public void Huge_numbers_parse_but_do_not_convert()
        {
            string digits = "1" + new string('0', 400);
            var number = As<JsonNumber>(ParseOk(digits));
            Assert.Equal(digits, number.Raw);
            Assert.False(number.TryGetInt64(out _));
            Assert.False(number.TryGetDouble(out _));
            Assert.False(As<JsonNumber>(ParseOk("1e400")).TryGetDouble(out _));
            Assert.True(As<JsonNumber>(ParseOk("1e-400")).TryGetDouble(out double tiny));
            Assert.Equal(0.0, tiny);
        }

        [Fact]
        public void Numbers_use_invariant_culture()
        {
            var previous = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                Assert.True(As<JsonNumber>(ParseOk("1.5")).TryGetDouble(out double d));
                Assert.Equal(1.5, d);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = previous;
            }
        }

        // ---------------------------------------------------------------- positions

        [Fact]
        public void Offsets_of_nested_nodes_with_lf()
        {
            string text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": null\n}\n";
            var map = new LineMap(text);
            var root = As<JsonObject>(ParseOk(text));
            Assert.Equal(0, root.Start);
            Assert.Equal(text.Length - 1, root.End);

            JsonProperty a = root.Properties[0];
            Assert.Equal(4, a.NameStart);
            Assert.Equal(7, a.NameEnd);
            Assert.Equal(new TextPosition(1, 2), map.GetPosition(a.NameStart));

            var array = As<JsonArray>(a.Value);
            Assert.Equal("[1, {\"b\": \"x\"}]", Slice(text, array));
            Assert.Equal(new TextPosition(1, 7), map.GetPosition(array.Start));

            var inner = As<JsonObject>(array.Items[1]);
            Assert.Equal("{\"b\": \"x\"}", Slice(text, inner));
            var x = As<JsonString>(inner["b"]);
            Assert.Equal("\"x\"", Slice(text, x));
            Assert.Equal(new TextPosition(1, 17), map.GetPosition(x.Start));
            Assert.Equal(new TextPosition(1, 20), map.GetPosition(x.End));

            JsonProperty c = root.Properties[1];
            Assert.Equal(new TextPosition(2, 2), map.GetPosition(c.NameStart));
            Assert.Equal("null", Slice(text, c.Value));
            Assert.Equal(new TextPosition(2, 7), map.GetPosition(c.Value.Start));
            Assert.Equal(new TextPosition(3, 0), map.GetPosition(root.End - 1));
        }

        [Fact]
        public void Offsets_of_nested_nodes_with_crlf()
        {
            string text = "{\r\n  \"a\": [\r\n    1,\r\n    \"two\"\r\n  ]\r\n}";
            var map = new LineMap(text);
            var root = As<JsonObject>(ParseOk(text));
            var array = As<JsonArray>(root["a"]);
            Assert.Equal(new TextPosition(1, 7), map.GetPosition(array.Start));
            Assert.Equal(new TextPosition(2, 4), map.GetPosition(array.Items[0].Start));
            Assert.Equal(new TextPosition(3, 4), map.GetPosition(array.Items[1].Start));
            Assert.Equal(new TextPosition(3, 9), map.GetPosition(array.Items[1].End));
            Assert.Equal(new TextPosition(4, 2), map.GetPosition(array.End - 1));
            Assert.Equal(new TextPosition(5, 0), map.GetPosition(root.End - 1));
            Assert.Equal("\"two\"", Slice(text, array.Items[1]));
        }

        [Fact]
        public void LineMap_handles_every_line_break_kind()
        {
            string text = "a\nb\r\nc\rd\r\re";
            var map = new LineMap(text);
            Assert.Equal(6, map.LineCount);
            Assert.Equal(new TextPosition(0, 0), map.GetPosition(0));
            Assert.Equal(new TextPosition(0, 1), map.GetPosition(1)); // the \n belongs to line 0
            Assert.Equal(new TextPosition(1, 0), map.GetPosition(2)); // b
            Assert.Equal(new TextPosition(1, 1), map.GetPosition(3)); // \r of \r\n
            Assert.Equal(new TextPosition(1, 2), map.GetPosition(4)); // \n of \r\n
            Assert.Equal(new TextPosition(2, 0), map.GetPosition(5)); // c
            Assert.Equal(new TextPosition(3, 0), map.GetPosition(7)); // d
            Assert.Equal(new TextPosition(4, 0), map.GetPosition(9)); // empty line between \r\r
            Assert.Equal(new TextPosition(5, 0), map.GetPosition(10)); // e
            Assert.Equal(new TextPosition(5, 1), map.GetPosition(11)); // end of text
            Assert.Equal(9, map.GetLineStart(4));
            var (line, character) = map.GetPosition(4);
            Assert.Equal((1, 2), (line, character));
            Assert.Equal("1,2", map.GetPosition(4).ToString());
            Assert.Throws<ArgumentOutOfRangeException>(() => map.GetPosition(12));
            Assert.Throws<ArgumentOutOfRangeException>(() => map.GetPosition(-1));
            Assert.Throws<ArgumentOutOfRangeException>(() => map.GetLineStart(6));
        }

        [Fact]
        public void LineMap_of_empty_text_and_trailing_break()
        {
            Assert.Equal(new TextPosition(0, 0), new LineMap("").GetPosition(0));
            var map = new LineMap("x\n");
            Assert.Equal(2, map.LineCount);
            Assert.Equal(new TextPosition(1, 0), map.GetPosition(2));
        }

        [Fact]
        public void LineMap_agrees_with_a_naive_scan()
        {
            var random = new Random(12345);
            var sb = new StringBuilder();
            string[] pieces = { "a", "bc", "\n", "\r\n", "\r", " ", "\r\r\n" };
            for (int i = 0; i < 2000; i++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            string text = sb.ToString();
            var map = new LineMap(text);
            int line = 0, character = 0;
            for (int offset = 0; offset <= text.Length; offset++)
            {
                Assert.Equal(new TextPosition(line, character), map.GetPosition(offset));
                if (offset == text.Length)
                {
                    break;
                }

                char c = text[offset];
                bool lineBreak = c == '\n' || (c == '\r' && (offset + 1 >= text.Length || text[offset + 1] != '\n'));
                if (lineBreak)
                {
                    line++;
                    character = 0;
                }
                else
                {
                    character++;
                }
            }

            Assert.Equal(line + 1, map.LineCount);
        }

        // ---------------------------------------------------------------- malformed input

        public static IEnumerable<object[]> MalformedCases() => new[]
        {
            // input, message, offset, line, character
            new object[] { "", "Expected a JSON value, found end of input", 0, 0, 0 },
            new object[] { "   ", "Expected a JSON value, found end of input", 3, 0, 3 },
            new object[] { "\uFEFF", "Expected a JSON value, found end of input", 1, 0, 1 },
            new object[] { "{\"a\":1 x}", "Expected ',' or '}' after a property value, found 'x'", 7, 0, 7 },
            new object[] { "{\"a\":1", "Expected ',' or '}' after a property value, found end of input", 6, 0, 6 },
            new object[] { "{\"a\":1,}", "Expected a property name after ',', found '}'", 7, 0, 7 },
            new object[] { "{,}", "Expected a property name or '}', found ','", 1, 0, 1 },
            new object[] { "{", "Expected a property name or '}', found end of input", 1, 0, 1 },
            new object[] { "{'a':1}", "Expected a property name or '}', found \"'\"", 1, 0, 1 },
            new object[] { "{a:1}", "Expected a property name or '}', found 'a'", 1, 0, 1 },
            new object[] { "{\"a\" 1}", "Expected ':' after property name, found '1'", 5, 0, 5 },
            new object[] { "{\"a\"", "Expected ':' after property name, found end of input", 4, 0, 4 },
            new object[] { "{\"a\":}", "Expected a JSON value, found '}'", 5, 0, 5 },
            new object[] { "{\"shapes\":1,\"shapes\":2}", "Duplicate property 'shapes'", 12, 0, 12 },
            new object[] { "{\"a\":{\"x\":1,\"y\":2,\"x\":3}}", "Duplicate property 'x'", 18, 0, 18 },
            new object[] { "[1,]", "Expected a JSON value after ',', found ']'", 3, 0, 3 },
            new object[] { "[1 2]", "Expected ',' or ']' after an array item, found '2'", 3, 0, 3 },
            new object[] { "[1", "Expected ',' or ']' after an array item, found end of input", 2, 0, 2 },
            new object[] { "[", "Expected a JSON value, found end of input", 1, 0, 1 },
            new object[] { "[}", "Expected a JSON value, found '}'", 1, 0, 1 },
            new object[] { "\"abc", "Unterminated string", 0, 0, 0 },
            new object[] { "[\"ab\\", "Unterminated string", 1, 0, 1 },
            new object[] { "\"a\\\"", "Unterminated string", 0, 0, 0 },
            new object[] { "\"a\\qb\"", "Invalid escape sequence '\\q'", 2, 0, 2 },
            new object[] { "\"a\\\u0001\"", "Invalid escape sequence: '\\' followed by U+0001", 2, 0, 2 },
            new object[] { "\"\\u12G4\"", "Invalid \\u escape: expected 4 hex digits", 1, 0, 1 },
            new object[] { "\"\\u12\"", "Invalid \\u escape: expected 4 hex digits", 1, 0, 1 },
            new object[] { "\"\\u12", "Invalid \\u escape: expected 4 hex digits", 1, 0, 1 },
            new object[] { "\"a\nb\"", "Control character U+000A in a string must be escaped", 2, 0, 2 },
            new object[] { "\"\\n\tb\"", "Control character U+0009 in a string must be escaped", 3, 0, 3 },
            new object[] { "\"\u001f\"", "Control character U+001F in a string must be escaped", 1, 0, 1 },
            new object[] { "tru", "Invalid literal 'tru': expected 'true', 'false' or 'null'", 0, 0, 0 },
            new object[] { "True", "Invalid literal 'True': expected 'true', 'false' or 'null'", 0, 0, 0 },
            new object[] { "[nulls]", "Invalid literal 'nulls': expected 'true', 'false' or 'null'", 1, 0, 1 },
            new object[] { "NaN", "Invalid literal 'NaN': expected 'true', 'false' or 'null'", 0, 0, 0 },
            new object[] { "-", "Expected a digit after '-', found end of input", 1, 0, 1 },
            new object[] { "-Infinity", "Expected a digit after '-', found 'I'", 1, 0, 1 },
            new object[] { "01", "Leading zeros are not allowed in numbers", 0, 0, 0 },
            new object[] { "[-007]", "Leading zeros are not allowed in numbers", 2, 0, 2 },
            new object[] { "1.", "Expected a digit after the decimal point, found end of input", 2, 0, 2 },
            new object[] { "1.e5", "Expected a digit after the decimal point, found 'e'", 2, 0, 2 },
            new object[] { "1e", "Expected a digit in the exponent, found end of input", 2, 0, 2 },
            new object[] { "1e+x", "Expected a digit in the exponent, found 'x'", 3, 0, 3 },
            new object[] { ".5", "Expected a JSON value, found '.'", 0, 0, 0 },
            new object[] { "+1", "Expected a JSON value, found '+'", 0, 0, 0 },
            new object[] { "{} {}", "Expected end of input after the JSON value, found '{'", 3, 0, 3 },
            new object[] { "1 x", "Expected end of input after the JSON value, found 'x'", 2, 0, 2 },
            new object[] { "1\uFEFF", "Expected end of input after the JSON value, found U+FEFF", 1, 0, 1 },
            new object[] { "// c\n1", "Expected a JSON value, found '/'", 0, 0, 0 },
            new object[] { "\u00a01", "Expected a JSON value, found U+00A0", 0, 0, 0 },
            new object[] { "{\n  \"a\": 1,\n  \"b\": x\n}", "Invalid literal 'x': expected 'true', 'false' or 'null'", 19, 2, 7 },
            new object[] { "[\r\n  1,\r\n  ]", "Expected a JSON value after ',', found ']'", 11, 2, 2 },
            new object[] { "\r\r[}", "Expected a JSON value, found '}'", 3, 2, 1 },
            new object[] { "{\r\n\"k\": \"v\r\n\"}", "Control character U+000D in a string must be escaped", 10, 1, 7 },
        };

        [Theory]
        [MemberData(nameof(MalformedCases))]
        public void Reports_malformed_input(string text, string message, int offset, int line, int character)
        {
            JsonError error = ParseError(text);
            Assert.Equal(message, error.Message);
            Assert.Equal(offset, error.Offset);
            Assert.Equal(new TextPosition(line, character), new LineMap(text).GetPosition(error.Offset));
        }

        [Fact]
        public void Nesting_up_to_the_limit_is_accepted()
        {
            int depth = JsonParser.MaxDepth;
            string arrays = new string('[', depth) + new string(']', depth);
            JsonNode node = ParseOk(arrays);
            for (int i = 1; i < depth; i++)
            {
                node = Assert.Single(As<JsonArray>(node).Items);
            }

            Assert.Empty(As<JsonArray>(node).Items);

            string objects = string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);
            Assert.IsType<JsonObject>(ParseOk(objects));
        }

        [Fact]
        public void Nesting_beyond_the_limit_is_an_error()
        {
            int depth = JsonParser.MaxDepth + 1;
            JsonError error = ParseError(new string('[', depth) + new string(']', depth));
            Assert.Equal("Nesting exceeds the maximum depth of 256", error.Message);
            Assert.Equal(256, error.Offset);

            string objects = string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);
            error = ParseError(objects);
            Assert.Equal("Nesting exceeds the maximum depth of 256", error.Message);
            Assert.Equal(5 * 256, error.Offset);
        }

        [Fact]
        public void Very_deep_nesting_does_not_overflow_the_stack()
        {
            JsonError error = ParseError(new string('[', 1_000_000));
            Assert.Equal(256, error.Offset);
        }

        [Fact]
        public void Every_proper_prefix_of_a_document_is_an_error()
        {
            string text = "{\"a\": [1, -2.5e3, \"x\\u00e9\\n\", true, false, null], \"b\": {\"c\": {}}}";
            Assert.NotNull(JsonParser.Parse(text, CancellationToken.None).Root);
            for (int length = 0; length < text.Length; length++)
            {
                JsonParseResult result = JsonParser.Parse(text.Substring(0, length), CancellationToken.None);
                Assert.Null(result.Root);
                Assert.NotNull(result.Error);
                Assert.InRange(result.Error!.Offset, 0, length);
                Assert.False(string.IsNullOrEmpty(result.Error.Message));
            }
        }

        [Fact]
        public void Random_mutations_never_throw()
        {
            string text = "{\"a\": [1, -2.5e3, \"x\\u00e9\\n\", true, false, null], \"b\": {\"c\": {}}, \"d\": \"\\ud83d\\ude00\"}";
            char[] alphabet = "{}[]:,\"\\u0123456789abcdefeE+-. \n\r\t\u0001\uD800\uFEFFtruefalsenull".ToCharArray();
            var random = new Random(20240601);
            int errors = 0;
            for (int n = 0; n < 20000; n++)
            {
                char[] chars = text.ToCharArray();
                int edits = 1 + random.Next(4);
                for (int e = 0; e < edits; e++)
                {
                    chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                }

                string mutated = new string(chars);
                JsonParseResult result = JsonParser.Parse(mutated, CancellationToken.None);
                Assert.True((result.Root is null) != (result.Error is null));
                if (result.Error is not null)
                {
                    errors++;
                    Assert.InRange(result.Error.Offset, 0, mutated.Length);
                }
                else
                {
                    Assert.Equal(0, result.Root!.Start);
                    Assert.Equal(mutated.Length, result.Root.End);
                }
            }

            Assert.InRange(errors, 1, 19999);
        }

        [Fact]
        public void Agrees_with_System_Text_Json_on_validity_of_mutations()
        {
            // An independent oracle: System.Text.Json accepts exactly RFC 8259 (plus duplicates, which we reject).
            string text = "{\"a\": [1, -2.5e3, \"x\\u00e9\\n\", true, false, null], \"b\": {\"c\": {}}}";
            char[] alphabet = "{}[]:,\"\\0123456789eE+-. \ntruefalsenull".ToCharArray();
            var random = new Random(7);
            for (int n = 0; n < 5000; n++)
            {
                char[] chars = text.ToCharArray();
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                string mutated = new string(chars);
                bool oursOk = JsonParser.Parse(mutated, CancellationToken.None).Root is not null;
                bool theirsOk;
                try
                {
                    using var document = System.Text.Json.JsonDocument.Parse(mutated);
                    theirsOk = !HasDuplicateKeys(document.RootElement);
                }
                catch (System.Text.Json.JsonException)
                {
                    theirsOk = false;
                }

                Assert.True(oursOk == theirsOk, "Disagreement on: " + mutated);
            }
        }

        private static bool HasDuplicateKeys(System.Text.Json.JsonElement element)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (System.Text.Json.JsonProperty property in element.EnumerateObject())
                    {
                        if (!names.Add(property.Name) || HasDuplicateKeys(property.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                case System.Text.Json.JsonValueKind.Array:
                    return element.EnumerateArray().Any(HasDuplicateKeys);
                default:
                    return false;
            }
        }

        [Fact]
        public void Cancelled_token_throws()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => JsonParser.Parse("[1,2,3]", cts.Token));
        }

        [Fact]
        public void Cancellation_is_observed_during_a_long_parse()
        {
            // One parse of a ~10 MB document, cancelled from this thread as soon as it has started: a parser that
            // only looked at the token on entry would run to completion and return a result instead of throwing.
            string big = "[" + string.Join(",", Enumerable.Repeat("{\"a\":[1,2,3],\"b\":\"text\"}", 400_000)) + "]";
            using var cts = new CancellationTokenSource();
            using var started = new ManualResetEventSlim();
            var task = System.Threading.Tasks.Task.Run(() =>
            {
                started.Set();
                return JsonParser.Parse(big, cts.Token);
            });
            started.Wait();
            cts.Cancel();
            var exception = Assert.ThrowsAny<Exception>(() => task.Wait(TimeSpan.FromSeconds(30)));
            var inner = Assert.IsAssignableFrom<AggregateException>(exception).InnerExceptions.Single();
            Assert.IsAssignableFrom<OperationCanceledException>(inner);
        }

        // ---------------------------------------------------------------- the real CloudTrail model

        /// <summary>botocore's CloudTrail model as vendored under tests/TestData/botocore (its documentation removed).</summary>
        private static string BotocoreCloudTrailModel() =>
            CloudTrailSdk.Generator.Tests.Support.BotocoreModels.Text("cloudtrail", "service-2.json")
            ?? throw new Xunit.Sdk.XunitException("the vendored botocore CloudTrail model is missing");

        [Fact]
        public void Parses_the_botocore_CloudTrail_model()
        {
            string text = BotocoreCloudTrailModel();
            JsonParseResult result = JsonParser.Parse(text, CancellationToken.None);
            Assert.True(result.Error is null, "Unexpected error: " + result.Error);
            var root = As<JsonObject>(result.Root);

            var metadata = As<JsonObject>(root["metadata"]);
            Assert.Equal("CloudTrail", As<JsonString>(metadata["serviceId"]).Value);
            Assert.Equal("2013-11-01", As<JsonString>(metadata["apiVersion"]).Value);

            var operations = As<JsonObject>(root["operations"]);
            Assert.Equal(60, operations.Properties.Count);
            var shapes = As<JsonObject>(root["shapes"]);
            foreach (JsonProperty operation in operations.Properties)
            {
                var body = As<JsonObject>(operation.Value);
                Assert.Equal(operation.Name, As<JsonString>(body["name"]).Value);
                Assert.Equal("POST", As<JsonString>(As<JsonObject>(body["http"])["method"]).Value);
                foreach (string reference in new[] { "input", "output" })
                {
                    if (body[reference] is JsonObject shapeRef)
                    {
                        Assert.NotNull(shapes[As<JsonString>(shapeRef["shape"]).Value]);
                    }
                }
            }

            Assert.NotNull(operations["CreateTrail"]);
            Assert.NotNull(operations["LookupEvents"]);

            // Positions point at the real text: the "operations" name and the CreateTrail line.
            var map = new LineMap(text);
            Assert.True(root.TryGetProperty("operations", out JsonProperty? operationsProperty));
            Assert.Equal("\"operations\"", text.Substring(operationsProperty!.NameStart, operationsProperty.NameEnd - operationsProperty.NameStart));
            TextPosition position = map.GetPosition(operationsProperty.NameStart);
            Assert.Equal("\"operations\"", text.Split('\n')[position.Line].Substring(position.Character, 12));
        }

        [Fact]
        public void Botocore_model_matches_System_Text_Json_node_for_node()
        {
            string text = BotocoreCloudTrailModel();
            JsonNode root = ParseOk(text);
            using var document = System.Text.Json.JsonDocument.Parse(text);
            int nodes = CompareWithSystemTextJson(text, root, document.RootElement);
            Assert.True(nodes > 4000, "Only " + nodes + " nodes compared"); // The vendored model, documentation removed, has about 4,600.
        }

        private static int CompareWithSystemTextJson(string text, JsonNode node, System.Text.Json.JsonElement element)
        {
            // Offsets: every node's source slice is exactly what System.Text.Json saw as that element.
            Assert.Equal(element.GetRawText(), Slice(text, node));
            int count = 1;
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    var obj = As<JsonObject>(node);
                    System.Text.Json.JsonProperty[] expected = element.EnumerateObject().ToArray();
                    Assert.Equal(expected.Length, obj.Properties.Count);
                    for (int i = 0; i < expected.Length; i++)
                    {
                        JsonProperty property = obj.Properties[i];
                        Assert.Equal(expected[i].Name, property.Name);
                        Assert.Equal('"', text[property.NameStart]);
                        Assert.Equal('"', text[property.NameEnd - 1]);
                        Assert.Same(property.Value, obj[property.Name]);
                        count += CompareWithSystemTextJson(text, property.Value, expected[i].Value);
                    }

                    break;
                case System.Text.Json.JsonValueKind.Array:
                    var array = As<JsonArray>(node);
                    System.Text.Json.JsonElement[] items = element.EnumerateArray().ToArray();
                    Assert.Equal(items.Length, array.Items.Count);
                    for (int i = 0; i < items.Length; i++)
                    {
                        count += CompareWithSystemTextJson(text, array.Items[i], items[i]);
                    }

                    break;
                case System.Text.Json.JsonValueKind.String:
                    Assert.Equal(element.GetString(), As<JsonString>(node).Value);
                    break;
                case System.Text.Json.JsonValueKind.Number:
                    Assert.Equal(element.GetRawText(), As<JsonNumber>(node).Raw);
                    break;
                case System.Text.Json.JsonValueKind.True:
                case System.Text.Json.JsonValueKind.False:
                    Assert.Equal(element.GetBoolean(), As<JsonBool>(node).Value);
                    break;
                default:
                    Assert.IsType<JsonNull>(node);
                    break;
            }

            return count;
        }
    }
}
