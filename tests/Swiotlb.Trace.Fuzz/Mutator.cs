using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Swiotlb.Trace.Fuzz;

/// <summary>The ways a mutant is made from a seed.</summary>
public enum MutationKind
{
    Truncation,
    BitFlips,
    RangeOverwrite,
    LineEdit,
    FieldValue,
    CompressionBomb,
    Gzipped,
}

/// <summary>
/// Deterministic mutations of a capture's bytes (the same seed gives the same mutant): truncation, bit flips, range
/// overwrites, line edits, a number or header field set to 0, 1, 2^31, 2^63 or all ones, and compression bombs.
/// </summary>
public static class Mutator
{
    /// <summary>The values a field is set to: the edges where arithmetic and sizing break.</summary>
    public static readonly ulong[] EdgeValues = [0, 1, 1UL << 31, 1UL << 63, ulong.MaxValue];

    public static MutationKind[] KindsFor(Seed seed) => seed.IsText
        ? [MutationKind.Truncation, MutationKind.BitFlips, MutationKind.RangeOverwrite, MutationKind.LineEdit, MutationKind.FieldValue,
            MutationKind.FieldValue, MutationKind.LineEdit, MutationKind.CompressionBomb, MutationKind.Gzipped]
        : [MutationKind.Truncation, MutationKind.BitFlips, MutationKind.RangeOverwrite, MutationKind.FieldValue, MutationKind.FieldValue,
            MutationKind.FieldValue, MutationKind.BitFlips, MutationKind.Gzipped];

    /// <returns>The mutant's bytes and a one-line description of what was done.</returns>
    public static (byte[] Bytes, string What) Mutate(byte[] original, Seed seed, MutationKind kind, Random random) => kind switch
    {
        MutationKind.Truncation => Truncate(original, random),
        MutationKind.BitFlips => FlipBits(original, random),
        MutationKind.RangeOverwrite => OverwriteRange(original, random),
        MutationKind.LineEdit => EditLine(original, random),
        MutationKind.FieldValue => seed.IsText ? SetNumber(original, random) : SetBinaryField(original, random),
        MutationKind.CompressionBomb => Bomb(original, random),
        MutationKind.Gzipped => Gzip(FlipBits(original, random)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static (byte[], string) Truncate(byte[] original, Random random)
    {
        var length = random.Next(0, original.Length);
        return (original[..length], $"cut at {length}");
    }

    private static (byte[], string) FlipBits(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var flips = random.Next(1, 9);
        for (var i = 0; i < flips; i++)
            bytes[Offset(bytes.Length, random)] ^= (byte)(1 << random.Next(8));
        return (bytes, $"{flips} bit flips");
    }

    private static (byte[], string) OverwriteRange(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var start = Offset(bytes.Length, random);
        var length = Math.Min(random.Next(1, 65), bytes.Length - start);
        var fill = random.Next(3);
        for (var i = start; i < start + length; i++)
            bytes[i] = fill switch { 0 => 0, 1 => 0xff, _ => (byte)random.Next(256) };
        return (bytes, $"{length} bytes at {start} overwritten ({(fill == 0 ? "zeros" : fill == 1 ? "ones" : "random")})");
    }

    /// <summary>Offsets where a file's structure is: most in its first and last 4 KiB (headers, v7 options at the end), some anywhere.</summary>
    private static int Offset(int length, Random random) => random.Next(4) switch
    {
        0 or 1 => random.Next(Math.Min(length, 4096)),
        2 => Math.Max(0, length - 1 - random.Next(Math.Min(length, 4096))),
        _ => random.Next(length),
    };

    private static (byte[], string) EditLine(byte[] original, Random random)
    {
        var lines = Encoding.Latin1.GetString(original).Split('\n').ToList();
        var at = random.Next(lines.Count);
        var edit = random.Next(5);
        switch (edit)
        {
            case 0: lines.RemoveAt(at); break;
            case 1: lines.Insert(at, lines[at]); break;
            case 2: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
            case 3: lines[at] = lines[at][..(lines[at].Length / 2)]; break;
            default: lines.Insert(at, "  garbage-1 [000] ..... 1.0: no_such_event: \u0001\u00ff"); break;
        }
        return (Encoding.Latin1.GetBytes(string.Join('\n', lines)), $"line {at + 1}: {new[] { "deleted", "duplicated", "swapped with the last", "cut in half", "garbage inserted" }[edit]}");
    }

    /// <summary>Sets one number of one line (a timestamp, size, address, CPU, pid…) to an edge value, decimal or hex as it was.</summary>
    private static (byte[], string) SetNumber(byte[] original, Random random)
    {
        var text = Encoding.Latin1.GetString(original);
        var numbers = NumberSpans(text, random.Next(text.Length), 64);
        if (numbers.Count == 0)
            return Truncate(original, random);
        var (start, length, hex) = numbers[random.Next(numbers.Count)];
        var value = EdgeValues[random.Next(EdgeValues.Length)];
        var written = hex ? value.ToString("x", System.Globalization.CultureInfo.InvariantCulture) : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mutated = text[..start] + written + text[(start + length)..];
        return (Encoding.Latin1.GetBytes(mutated), $"number at {start} set to {(hex ? "0x" : "")}{written}");
    }

    /// <summary>Digit runs from <paramref name="from"/> on (hex after <c>0x</c>), at most <paramref name="limit"/>; no regex.</summary>
    private static List<(int Start, int Length, bool Hex)> NumberSpans(string text, int from, int limit)
    {
        var spans = new List<(int, int, bool)>();
        for (var i = from; i < text.Length && spans.Count < limit; i++)
        {
            var hex = i + 2 < text.Length && text[i] == '0' && text[i + 1] == 'x';
            var start = hex ? i + 2 : i;
            var end = start;
            while (end < text.Length && (hex ? char.IsAsciiHexDigit(text[end]) : char.IsAsciiDigit(text[end])))
                end++;
            if (end > start)
            {
                spans.Add((start, end - start, hex));
                i = end;
            }
        }
        return spans;
    }

    /// <summary>Sets a 2-, 4- or 8-byte field (an offset, size, count, page header, event header…) to an edge value.</summary>
    private static (byte[], string) SetBinaryField(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var width = new[] { 2, 4, 8 }[random.Next(3)];
        var at = Math.Min(Offset(bytes.Length, random) & ~(width - 1), bytes.Length - width);
        var value = EdgeValues[random.Next(EdgeValues.Length)];
        var field = bytes.AsSpan(at, width);
        switch (width)
        {
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)Math.Min(value, ushort.MaxValue)); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)Math.Min(value, uint.MaxValue)); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(field, value); break;
        }
        return (bytes, $"{width}-byte field at {at} set to 0x{value:x}");
    }

    /// <summary>A gzip whose text, once decompressed, is the capture's head then 64 MiB of one line repeated or of NULs.</summary>
    private static (byte[], string) Bomb(byte[] original, Random random)
    {
        using var output = new MemoryStream();
        var line = random.Next(2) == 0;
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(original, 0, Math.Min(original.Length, 4096));
            var block = line ? Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("a broken line of a bomb, no event in it\n", 2048))) : new byte[1 << 16];
            for (long written = 0; written < 64L << 20; written += block.Length)
                gzip.Write(block);
        }
        return (output.ToArray(), $"gzip bomb: 4 KiB of the capture then 64 MiB of {(line ? "one short line" : "NUL bytes")}");
    }

    private static (byte[], string) Gzip((byte[] Bytes, string What) mutant)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(mutant.Bytes);
        return (output.ToArray(), $"gzipped after {mutant.What}");
    }
}
