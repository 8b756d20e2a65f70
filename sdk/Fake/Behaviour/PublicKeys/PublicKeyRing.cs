using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The digest-signing key pairs of each region, oldest first. Kept in memory, and when the fake has a data directory,
/// in <c>public-keys/REGION.keys</c> there (one key a line: validity start, validity end, PKCS#8 private key), written
/// before a new key is first answered.
/// </summary>
internal sealed class PublicKeyRing
{
    /// <summary>How long one key pair signs digests before the next takes over.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(90);

    private readonly string? _directory;
    private readonly Dictionary<string, List<SigningKey>> _regions = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public PublicKeyRing(string? dataDirectory)
    {
        _directory = dataDirectory is null ? null : Path.Combine(dataDirectory, "public-keys");

        // Read at start, like the journal: a damaged key file stops the fake naming the file, not a later call.
        if (_directory is not null && Directory.Exists(_directory))
        {
            foreach (var file in Directory.GetFiles(_directory, "*.keys"))
            {
                var region = Path.GetFileNameWithoutExtension(file);
                _regions[region] = Load(region);
            }
        }
    }

    /// <summary>The region's keys, oldest first, making the one valid at <paramref name="now"/> if there is none yet.</summary>
    public IReadOnlyList<SigningKey> Keys(string region, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_regions.TryGetValue(region, out var keys))
            {
                _regions[region] = keys = Load(region);
            }

            if (keys.Count == 0 || keys[^1].ValidityEnd <= now)
            {
                // The next window follows the last one when it is current; after a long gap it starts at today's midnight.
                var start = keys.Count > 0 && keys[^1].ValidityEnd + Validity > now ? keys[^1].ValidityEnd : new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
                using var rsa = RSA.Create(2048);
                var made = SigningKey.From(rsa.ExportPkcs8PrivateKey(), start, start + Validity);
                keys.Add(made);
                Save(region, keys);
            }

            return keys.ToList();
        }
    }

    private List<SigningKey> Load(string region)
    {
        var path = PathOf(region);
        if (path is null || !File.Exists(path))
        {
            return new List<SigningKey>();
        }

        var keys = new List<SigningKey>();
        var number = 0;
        foreach (var line in File.ReadAllLines(path))
        {
            number++;
            var parts = line.Split(' ');
            try
            {
                keys.Add(SigningKey.From(
                    Convert.FromBase64String(parts[2]),
                    DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or CryptographicException)
            {
                throw new InvalidDataException(path + ", line " + number + ": not a key line (START END PKCS8-BASE64): " + e.Message, e);
            }
        }

        return keys;
    }

    private void Save(string region, List<SigningKey> keys)
    {
        var path = PathOf(region);
        if (path is null)
        {
            return;
        }

        Directory.CreateDirectory(_directory!);
        var text = new StringBuilder();
        foreach (var key in keys)
        {
            text.Append(key.ValidityStart.ToString("O", CultureInfo.InvariantCulture)).Append(' ')
                .Append(key.ValidityEnd.ToString("O", CultureInfo.InvariantCulture)).Append(' ')
                .Append(Convert.ToBase64String(key.PrivateKeyPkcs8)).Append('\n');
        }

        // Written aside then moved over, so a crash leaves the old file or the new one, never half of one.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    // Region names are letters, digits and dashes; anything else never reaches a file name.
    private string? PathOf(string region) =>
        _directory is null || !region.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? null : Path.Combine(_directory, region + ".keys");
}

/// <summary>One key pair and its validity window.</summary>
internal sealed record SigningKey(byte[] PrivateKeyPkcs8, byte[] PublicKeyDer, string Fingerprint, DateTimeOffset ValidityStart, DateTimeOffset ValidityEnd)
{
    /// <summary>
    /// The public half as ListPublicKeys gives it: DER, PKCS#1 (RSAPublicKey). The fingerprint is the MD5 of those
    /// bytes in lowercase hex, the form digest files carry in digestPublicKeyFingerprint.
    /// </summary>
    public static SigningKey From(byte[] pkcs8, DateTimeOffset start, DateTimeOffset end)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        var publicKey = rsa.ExportRSAPublicKey();
#pragma warning disable CA5351 // MD5 here is an identifier, as AWS uses it, not a protection.
        var fingerprint = Convert.ToHexString(MD5.HashData(publicKey)).ToLowerInvariant();
#pragma warning restore CA5351
        return new SigningKey(pkcs8, publicKey, fingerprint, start, end);
    }
}
