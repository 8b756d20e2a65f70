using System;
using System.Collections.Generic;
using System.Globalization;

namespace CloudTrailSdk.Generator.Json
{
    /// <summary>A 0-based line and character (UTF-16 code unit) position, like Roslyn's <c>LinePosition</c>.</summary>
    internal readonly struct TextPosition : IEquatable<TextPosition>
    {
        public TextPosition(int line, int character)
        {
            Line = line;
            Character = character;
        }

        public int Line { get; }

        public int Character { get; }

        public void Deconstruct(out int line, out int character)
        {
            line = Line;
            character = Character;
        }

        public bool Equals(TextPosition other) => Line == other.Line && Character == other.Character;

        public override bool Equals(object? obj) => obj is TextPosition other && Equals(other);

        public override int GetHashCode() => unchecked((Line * 397) ^ Character);

        public static bool operator ==(TextPosition left, TextPosition right) => left.Equals(right);

        public static bool operator !=(TextPosition left, TextPosition right) => !left.Equals(right);

        public override string ToString() =>
            Line.ToString(CultureInfo.InvariantCulture) + "," + Character.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Maps char offsets of a text to 0-based line/character positions with a binary search over a table of line
    /// starts built once. Lines end at "\n", "\r\n" or "\r" ("\r\n" is one line break). The chars of a line break
    /// belong to the line they end.
    /// </summary>
    internal sealed class LineMap
    {
        private readonly int[] _lineStarts;

        public LineMap(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            TextLength = text.Length;
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    starts.Add(i + 1);
                }
                else if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
        }

        public int TextLength { get; }

        /// <summary>The number of lines; a text ending with a line break has an empty last line.</summary>
        public int LineCount => _lineStarts.Length;

        /// <summary>The offset of the first char of 0-based line <paramref name="line"/>.</summary>
        public int GetLineStart(int line)
        {
            if ((uint)line >= (uint)_lineStarts.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(line));
            }

            return _lineStarts[line];
        }

        /// <summary>The position of <paramref name="offset"/>, which may be the text length (end of input).</summary>
        public TextPosition GetPosition(int offset)
        {
            if (offset < 0 || offset > TextLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            int line = Array.BinarySearch(_lineStarts, offset);
            if (line < 0)
            {
                line = ~line - 1; // the last line starting before offset
            }

            return new TextPosition(line, offset - _lineStarts[line]);
        }
    }
}
