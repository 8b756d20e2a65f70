using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CloudTrailSdk.Runtime.Rules;

/// <summary>
/// The model's <c>pattern</c> trait: a string must match a regular expression. As in AWS models the expression is
/// not implicitly anchored (<c>[0-9]</c> matches <c>a1b</c>); patterns that mean the whole value carry their own
/// <c>^</c> and <c>$</c>. Each pattern is parsed once and cached; matching is bounded by <see cref="MatchTimeout"/>.
/// </summary>
public static class PatternRule
{
    // Patterns come from the model, so the set is small and fixed; the cap only guards against callers passing
    // unbounded distinct patterns (they are still checked, just not cached).
    private const int CacheLimit = 1024;

    private static readonly ConcurrentDictionary<string, Entry> Cache = new(StringComparer.Ordinal);

    /// <summary>The longest a single match may run before the value is reported as not checkable.</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Checks <paramref name="value"/> against <paramref name="pattern"/>. Returns null when it matches, otherwise
    /// what is wrong. A match that times out is a failure. A pattern .NET cannot parse yields null: see remarks.
    /// </summary>
    /// <remarks>
    /// An unparsable pattern says nothing about the value, only about the model: the generator and analyzers report
    /// it through <see cref="IsValidPattern"/> at build time. Failing every request at run time because the SDK
    /// carries a pattern this regex engine does not understand would block valid calls, and the service, which owns
    /// the real check, still validates the value. So the rule abstains rather than guess.
    /// </remarks>
    public static string? Check(string value, string pattern) => Check(value, pattern, Get(pattern).Regex);

    /// <summary>
    /// Whether <paramref name="pattern"/> parses as a .NET regular expression; when not, <paramref name="error"/> says
    /// why. Used by the generator and analyzers to report a model pattern that cannot be enforced.
    /// </summary>
    public static bool IsValidPattern(string pattern, out string? error)
    {
        error = Get(pattern).Error;
        return error is null;
    }

    /// <summary>Checks against an explicit timeout, uncached; lets tests provoke a timeout quickly.</summary>
    internal static string? Check(string value, string pattern, TimeSpan timeout) =>
        Check(value, pattern, Create(pattern, timeout).Regex);

    private static string? Check(string value, string pattern, Regex? regex)
    {
        if (regex is null)
        {
            return null;
        }

        try
        {
            return regex.IsMatch(value) ? null : RuleText.Quote(value) + " does not match the pattern " + pattern;
        }
        catch (RegexMatchTimeoutException)
        {
            return RuleText.Quote(value) + " could not be matched against the pattern " + pattern + " within "
                + RuleText.Num(regex.MatchTimeout.TotalSeconds) + " s (the match timed out), so it is treated as not matching";
        }
    }

    private static Entry Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var entry))
        {
            return entry;
        }

        entry = Create(pattern, MatchTimeout);
        return Cache.Count < CacheLimit ? Cache.GetOrAdd(pattern, entry) : entry;
    }

    private static Entry Create(string pattern, TimeSpan timeout)
    {
        try
        {
            // Not RegexOptions.Compiled: under native AOT it is ignored anyway, and in an analyzer it would cost more
            // than the few matches it speeds up. CultureInvariant keeps character classes independent of the user.
            return new Entry(new Regex(pattern, RegexOptions.CultureInvariant, timeout), null);
        }
        catch (ArgumentException exception)
        {
            return new Entry(null, exception.Message);
        }
    }

    private sealed class Entry
    {
        public Entry(Regex? regex, string? error)
        {
            Regex = regex;
            Error = error;
        }

        public Regex? Regex { get; }

        public string? Error { get; }
    }
}
