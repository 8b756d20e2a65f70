using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace CloudTrailSdk.Generator.Json
{
    /// <summary>A syntax error: what is wrong and the offset (UTF-16 chars) where it is.</summary>
    internal sealed class JsonError
    {
        public JsonError(string message, int offset)
        {
            Message = message;
            Offset = offset;
        }

        public string Message { get; }

        public int Offset { get; }

        public override string ToString() => Message + " (at offset " + Offset.ToString(CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>Either a <see cref="Root"/> (success) or an <see cref="Error"/> (failure), never both.</summary>
    internal sealed class JsonParseResult
    {
        internal JsonParseResult(JsonNode? root, JsonError? error)
        {
            Root = root;
            Error = error;
        }

        public JsonNode? Root { get; }

        public JsonError? Error { get; }

        public bool Success => Error is null;
    }

    /// <summary>
    /// A strict RFC 8259 parser producing a <see cref="JsonNode"/> tree with source offsets. It never throws on bad
    /// input (only <see cref="OperationCanceledException"/> on cancellation); the first error stops the parse.
    /// Beyond RFC 8259: a BOM at offset 0 is skipped, duplicate property names are errors, nesting deeper than
    /// <see cref="MaxDepth"/> is an error.
    /// </summary>
    internal sealed class JsonParser
    {
        /// <summary>The deepest nesting of objects and arrays accepted; the root container is depth 1.</summary>
        public const int MaxDepth = 256;

        private const int CancellationCheckMask = 0xFFF; // poll the token every 4096 chars in long runs
        private const int CancellationCheckInterval = 4096;

        private readonly string _text;
        private readonly CancellationToken _cancellationToken;
        private int _pos;
        private int _nextCancellationCheck;
        private JsonError? _error;
        private StringBuilder? _builder;

        private JsonParser(string text, CancellationToken cancellationToken)
        {
            _text = text;
            _cancellationToken = cancellationToken;
        }

        public static JsonParseResult Parse(string text, CancellationToken cancellationToken = default)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var parser = new JsonParser(text, cancellationToken);
            JsonNode? root = parser.ParseDocument();
            return root is null ? new JsonParseResult(null, parser._error) : new JsonParseResult(root, null);
        }

        private JsonNode? ParseDocument()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
            }

            _nextCancellationCheck = _pos + CancellationCheckInterval;
            SkipWhitespace();
            JsonNode? root = ParseValue(0);
            if (root is null)
            {
                return null;
            }

            SkipWhitespace();
            if (_pos < _text.Length)
            {
                return Fail("Expected end of input after the JSON value, found " + Describe(_pos), _pos);
            }

            return root;
        }

        /// <summary>Parses the value at <see cref="_pos"/> (whitespace already skipped); null after an error.</summary>
        private JsonNode? ParseValue(int depth)
        {
            if (_pos >= _nextCancellationCheck)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _nextCancellationCheck = _pos + CancellationCheckInterval;
            }

            if (_pos >= _text.Length)
            {
                return Fail("Expected a JSON value, found end of input", _pos);
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject(depth + 1);
                case '[':
                    return ParseArray(depth + 1);
                case '"':
                {
                    int start = _pos;
                    string? value = ReadString();
                    return value is null ? null : new JsonString(start, _pos, value);
                }

                case '-':
                case >= '0' and <= '9':
                    return ParseNumber();
                default:
                    if (IsAsciiLetter(c))
                    {
                        return ParseLiteral();
                    }

                    return Fail("Expected a JSON value, found " + Describe(_pos), _pos);
            }
        }

        private JsonNode? ParseObject(int depth)
        {
            int start = _pos;
            if (depth > MaxDepth)
            {
                return Fail("Nesting exceeds the maximum depth of " + MaxDepth.ToString(CultureInfo.InvariantCulture), start);
            }

            _pos++; // '{'
            var properties = new List<JsonProperty>();
            Dictionary<string, int>? index = null;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                return new JsonObject(start, _pos, properties, null);
            }

            while (true)
            {
                if (_pos >= _text.Length || _text[_pos] != '"')
                {
                    string expected = properties.Count == 0 ? "Expected a property name or '}', found " : "Expected a property name after ',', found ";
                    return Fail(expected + Describe(_pos), _pos);
                }

                int nameStart = _pos;
                string? name = ReadString();
                if (name is null)
                {
                    return null;
                }

                int nameEnd = _pos;
                if (index is null)
                {
                    for (int i = 0; i < properties.Count; i++)
                    {
                        if (string.Equals(properties[i].Name, name, StringComparison.Ordinal))
                        {
                            return Fail("Duplicate property '" + name + "'", nameStart);
                        }
                    }
                }
                else if (index.ContainsKey(name))
                {
                    return Fail("Duplicate property '" + name + "'", nameStart);
                }

                SkipWhitespace();
                if (_pos >= _text.Length || _text[_pos] != ':')
                {
                    return Fail("Expected ':' after property name, found " + Describe(_pos), _pos);
                }

                _pos++;
                SkipWhitespace();
                JsonNode? value = ParseValue(depth);
                if (value is null)
                {
                    return null;
                }

                properties.Add(new JsonProperty(name, nameStart, nameEnd, value));
                if (index is not null)
                {
                    index.Add(name, properties.Count - 1);
                }
                else if (properties.Count > JsonObject.LinearLookupLimit)
                {
                    index = new Dictionary<string, int>(properties.Count * 2, StringComparer.Ordinal);
                    for (int i = 0; i < properties.Count; i++)
                    {
                        index.Add(properties[i].Name, i);
                    }
                }

                SkipWhitespace();
                if (_pos < _text.Length)
                {
                    char c = _text[_pos];
                    if (c == ',')
                    {
                        _pos++;
                        SkipWhitespace();
                        continue;
                    }

                    if (c == '}')
                    {
                        _pos++;
                        return new JsonObject(start, _pos, properties, index);
                    }
                }

                return Fail("Expected ',' or '}' after a property value, found " + Describe(_pos), _pos);
            }
        }

        private JsonNode? ParseArray(int depth)
        {
            int start = _pos;
            if (depth > MaxDepth)
            {
                return Fail("Nesting exceeds the maximum depth of " + MaxDepth.ToString(CultureInfo.InvariantCulture), start);
            }

            _pos++; // '['
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                return new JsonArray(start, _pos, items);
            }

            while (true)
            {
                JsonNode? item = ParseValue(depth);
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
                SkipWhitespace();
                if (_pos < _text.Length)
                {
                    char c = _text[_pos];
                    if (c == ',')
                    {
                        _pos++;
                        SkipWhitespace();
                        if (_pos < _text.Length && _text[_pos] == ']')
                        {
                            return Fail("Expected a JSON value after ',', found ']'", _pos);
                        }

                        continue;
                    }

                    if (c == ']')
                    {
                        _pos++;
                        return new JsonArray(start, _pos, items);
                    }
                }

                return Fail("Expected ',' or ']' after an array item, found " + Describe(_pos), _pos);
            }
        }

        /// <summary>
        /// Reads the string whose opening quote is at <see cref="_pos"/> and leaves <see cref="_pos"/> just past the
        /// closing quote. Strings without escapes cost one Substring; only escaped ones go through a StringBuilder.
        /// </summary>
        private string? ReadString()
        {
            string text = _text;
            int length = text.Length;
            int start = _pos;
            int i = start + 1;

            // Fast path: no escapes.
            while (i < length)
            {
                char c = text[i];
                if (c == '"')
                {
                    _pos = i + 1;
                    return text.Substring(start + 1, i - start - 1);
                }

                if (c == '\\')
                {
                    break;
                }

                if (c < ' ')
                {
                    return FailControlCharacter(i);
                }

                if ((i & CancellationCheckMask) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                i++;
            }

            if (i >= length)
            {
                return FailString("Unterminated string", start);
            }

            // Slow path: at least one escape; i is at the first backslash.
            StringBuilder sb = _builder ??= new StringBuilder();
            sb.Clear();
            sb.Append(text, start + 1, i - start - 1);
            while (i < length)
            {
                char c = text[i];
                if (c == '"')
                {
                    _pos = i + 1;
                    return sb.ToString();
                }

                if (c == '\\')
                {
                    if (i + 1 >= length)
                    {
                        break; // unterminated
                    }

                    char e = text[i + 1];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                        {
                            int code = 0;
                            for (int k = 0; k < 4; k++)
                            {
                                int digit = i + 2 + k < length ? HexValue(text[i + 2 + k]) : -1;
                                if (digit < 0)
                                {
                                    return FailString("Invalid \\u escape: expected 4 hex digits", i);
                                }

                                code = (code << 4) | digit;
                            }

                            sb.Append((char)code); // lone surrogates are kept as they are
                            i += 4;
                            break;
                        }

                        default:
                            if (e < ' ' || char.IsSurrogate(e) || e == '\uFEFF')
                            {
                                return FailString("Invalid escape sequence: '\\' followed by " + Describe(i + 1), i);
                            }

                            return FailString("Invalid escape sequence '\\" + e + "'", i);
                    }

                    i += 2;
                    continue;
                }

                if (c < ' ')
                {
                    return FailControlCharacter(i);
                }

                if ((i & CancellationCheckMask) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                sb.Append(c);
                i++;
            }

            return FailString("Unterminated string", start);
        }

        private JsonNode? ParseNumber()
        {
            string text = _text;
            int length = text.Length;
            int start = _pos;
            int i = start;
            if (text[i] == '-')
            {
                i++;
                if (i >= length || !IsDigit(text[i]))
                {
                    return Fail("Expected a digit after '-', found " + Describe(i), i);
                }
            }

            if (text[i] == '0')
            {
                i++;
                if (i < length && IsDigit(text[i]))
                {
                    return Fail("Leading zeros are not allowed in numbers", i - 1);
                }
            }
            else
            {
                while (i < length && IsDigit(text[i]))
                {
                    i++;
                }
            }

            if (i < length && text[i] == '.')
            {
                i++;
                if (i >= length || !IsDigit(text[i]))
                {
                    return Fail("Expected a digit after the decimal point, found " + Describe(i), i);
                }

                while (i < length && IsDigit(text[i]))
                {
                    i++;
                }
            }

            if (i < length && (text[i] == 'e' || text[i] == 'E'))
            {
                i++;
                if (i < length && (text[i] == '+' || text[i] == '-'))
                {
                    i++;
                }

                if (i >= length || !IsDigit(text[i]))
                {
                    return Fail("Expected a digit in the exponent, found " + Describe(i), i);
                }

                while (i < length && IsDigit(text[i]))
                {
                    i++;
                }
            }

            _pos = i;
            return new JsonNumber(start, i, text.Substring(start, i - start));
        }

        private JsonNode? ParseLiteral()
        {
            string text = _text;
            int start = _pos;
            int i = start;
            while (i < text.Length && (IsAsciiLetter(text[i]) || IsDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            int length = i - start;
            if (length == 4 && string.CompareOrdinal(text, start, "true", 0, 4) == 0)
            {
                _pos = i;
                return new JsonBool(start, i, true);
            }

            if (length == 5 && string.CompareOrdinal(text, start, "false", 0, 5) == 0)
            {
                _pos = i;
                return new JsonBool(start, i, false);
            }

            if (length == 4 && string.CompareOrdinal(text, start, "null", 0, 4) == 0)
            {
                _pos = i;
                return new JsonNull(start, i);
            }

            string word = length <= 32 ? text.Substring(start, length) : text.Substring(start, 32) + "...";
            return Fail("Invalid literal '" + word + "': expected 'true', 'false' or 'null'", start);
        }

        private void SkipWhitespace()
        {
            string text = _text;
            int i = _pos;
            while (i < text.Length)
            {
                char c = text[i];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                {
                    break;
                }

                if ((i & CancellationCheckMask) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                i++;
            }

            _pos = i;
        }

        private JsonNode? Fail(string message, int offset)
        {
            _error ??= new JsonError(message, offset);
            return null;
        }

        private string? FailString(string message, int offset)
        {
            Fail(message, offset);
            return null;
        }

        private string? FailControlCharacter(int offset) =>
            FailString("Control character " + Describe(offset) + " in a string must be escaped", offset);

        /// <summary>Describes the char at <paramref name="offset"/> for an error message.</summary>
        private string Describe(int offset)
        {
            if (offset >= _text.Length)
            {
                return "end of input";
            }

            char c = _text[offset];
            if (c == '\'')
            {
                return "\"'\"";
            }

            if (c <= ' ' || char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == '\uFEFF')
            {
                return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }

            return "'" + c + "'";
        }

        private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

        private static int HexValue(char c)
        {
            if ((uint)(c - '0') <= 9)
            {
                return c - '0';
            }

            int lower = c | 0x20;
            if ((uint)(lower - 'a') <= 'f' - 'a')
            {
                return lower - 'a' + 10;
            }

            return -1;
        }
    }
}
