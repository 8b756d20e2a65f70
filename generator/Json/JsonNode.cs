using System;
using System.Collections.Generic;
using System.Globalization;

namespace CloudTrailSdk.Generator.Json
{
    /// <summary>The kind of a <see cref="JsonNode"/>.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        Bool,
        Null,
    }

    /// <summary>
    /// A node of the JSON DOM. <see cref="Start"/> is the offset (in UTF-16 chars) of the node's first char in the
    /// parsed text and <see cref="End"/> the offset just past its last char, so <c>text.Substring(Start, End - Start)</c>
    /// is the node's source text. Use <see cref="LineMap"/> to turn offsets into line/character positions.
    /// </summary>
    internal abstract class JsonNode
    {
        private protected JsonNode(int start, int end)
        {
            Start = start;
            End = end;
        }

        public abstract JsonKind Kind { get; }

        /// <summary>Offset of the node's first char.</summary>
        public int Start { get; }

        /// <summary>Offset just past the node's last char (exclusive).</summary>
        public int End { get; }

        public int Length => End - Start;
    }

    /// <summary>One <c>"name": value</c> member of a <see cref="JsonObject"/>.</summary>
    internal sealed class JsonProperty
    {
        public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
        {
            Name = name;
            NameStart = nameStart;
            NameEnd = nameEnd;
            Value = value;
        }

        /// <summary>The unescaped property name.</summary>
        public string Name { get; }

        /// <summary>Offset of the name's opening quote.</summary>
        public int NameStart { get; }

        /// <summary>Offset just past the name's closing quote.</summary>
        public int NameEnd { get; }

        public JsonNode Value { get; }

        public override string ToString() => "\"" + Name + "\": " + Value.Kind;
    }

    internal sealed class JsonObject : JsonNode
    {
        /// <summary>Objects with at most this many properties are searched linearly; larger ones get an index.</summary>
        internal const int LinearLookupLimit = 8;

        private readonly List<JsonProperty> _properties;
        private readonly Dictionary<string, int>? _index;

        internal JsonObject(int start, int end, List<JsonProperty> properties, Dictionary<string, int>? index)
            : base(start, end)
        {
            _properties = properties;
            _index = index;
        }

        public override JsonKind Kind => JsonKind.Object;

        /// <summary>The properties in document order. Names are unique (the parser rejects duplicates).</summary>
        public IReadOnlyList<JsonProperty> Properties => _properties;

        public int Count => _properties.Count;

        /// <summary>The value of the property <paramref name="name"/> (ordinal comparison), or null if there is none.</summary>
        public JsonNode? this[string name] => TryGetProperty(name, out JsonProperty? property) ? property!.Value : null;

        /// <summary>
        /// Looks up the property <paramref name="name"/> (ordinal comparison). When this returns false,
        /// <paramref name="value"/> is null despite its annotation (netstandard2.0 has no NotNullWhen attribute).
        /// </summary>
        public bool TryGet(string name, out JsonNode value)
        {
            if (TryGetProperty(name, out JsonProperty? property))
            {
                value = property!.Value;
                return true;
            }

            value = null!;
            return false;
        }

        /// <summary>Looks up the whole property (name position included) called <paramref name="name"/>.</summary>
        public bool TryGetProperty(string name, out JsonProperty? property)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (_index is not null)
            {
                if (_index.TryGetValue(name, out int i))
                {
                    property = _properties[i];
                    return true;
                }
            }
            else
            {
                for (int i = 0; i < _properties.Count; i++)
                {
                    if (string.Equals(_properties[i].Name, name, StringComparison.Ordinal))
                    {
                        property = _properties[i];
                        return true;
                    }
                }
            }

            property = null;
            return false;
        }
    }

    internal sealed class JsonArray : JsonNode
    {
        private readonly List<JsonNode> _items;

        internal JsonArray(int start, int end, List<JsonNode> items)
            : base(start, end)
        {
            _items = items;
        }

        public override JsonKind Kind => JsonKind.Array;

        public IReadOnlyList<JsonNode> Items => _items;

        public int Count => _items.Count;
    }

    internal sealed class JsonString : JsonNode
    {
        internal JsonString(int start, int end, string value)
            : base(start, end)
        {
            Value = value;
        }

        public override JsonKind Kind => JsonKind.String;

        /// <summary>The unescaped value. Lone surrogates from <c>\u</c> escapes are kept as they are.</summary>
        public string Value { get; }

        public override string ToString() => Value;
    }

    internal sealed class JsonNumber : JsonNode
    {
        internal JsonNumber(int start, int end, string raw)
            : base(start, end)
        {
            Raw = raw;
        }

        public override JsonKind Kind => JsonKind.Number;

        /// <summary>The number exactly as written, e.g. <c>-1.5e3</c>.</summary>
        public string Raw { get; }

        /// <summary>True when the number is an integer literal (no fraction, no exponent) that fits in a long.</summary>
        public bool TryGetInt64(out long value) =>
            long.TryParse(Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        /// <summary>True when the number parses as a finite double (invariant culture).</summary>
        public bool TryGetDouble(out double value)
        {
            // .NET Framework returns false on overflow while .NET Core returns infinity: make both say false.
            if (double.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                && !double.IsInfinity(value) && !double.IsNaN(value))
            {
                return true;
            }

            value = 0;
            return false;
        }

        public override string ToString() => Raw;
    }

    internal sealed class JsonBool : JsonNode
    {
        internal JsonBool(int start, int end, bool value)
            : base(start, end)
        {
            Value = value;
        }

        public override JsonKind Kind => JsonKind.Bool;

        public bool Value { get; }

        public override string ToString() => Value ? "true" : "false";
    }

    internal sealed class JsonNull : JsonNode
    {
        internal JsonNull(int start, int end)
            : base(start, end)
        {
        }

        public override JsonKind Kind => JsonKind.Null;

        public override string ToString() => "null";
    }
}
