using System.Buffers.Text;

namespace Swiotlb.Trace.Text;

/// <summary>Trace timestamps as integers, never through floating point.</summary>
public static class Timestamps
{
    /// <summary>
    /// Parses <c>SECONDS.FRACTION</c> (any number of fraction digits up to 9) into nanoseconds,
    /// or a plain integer (a raw counter clock) as-is.
    /// </summary>
    public static bool TryParseSeconds(ReadOnlySpan<byte> text, out long nanoseconds, out bool rawCounter)
    {
        nanoseconds = 0;
        var dot = text.IndexOf((byte)'.');
        rawCounter = dot < 0;
        if (rawCounter)
            return TryParseDigits(text, out nanoseconds);
        if (!TryParseDigits(text[..dot], out var seconds))
            return false;
        var fraction = text[(dot + 1)..];
        if (fraction.Length is 0 or > 9 || !TryParseDigits(fraction, out var fractionValue))
            return false;
        for (var i = fraction.Length; i < 9; i++)
            fractionValue *= 10;
        return TryScale(seconds, 1_000_000_000, fractionValue, out nanoseconds);
    }

    /// <summary>Parses a latency-format time, <c>4826968us</c> or <c>4826.968us</c> (the "us" already removed), into nanoseconds.</summary>
    public static bool TryParseMicroseconds(ReadOnlySpan<byte> text, out long nanoseconds)
    {
        nanoseconds = 0;
        var dot = text.IndexOf((byte)'.');
        if (dot < 0)
        {
            if (!TryParseDigits(text, out var micros))
                return false;
            return TryScale(micros, 1000, 0, out nanoseconds);
        }
        // "%5lu.%03lu" form: milliseconds.microseconds
        if (!TryParseDigits(text[..dot], out var millis) || !TryParseDigits(text[(dot + 1)..], out var rest) || dot + 4 != text.Length)
            return false;
        return TryScale(millis, 1000, rest, out var totalMicros) && TryScale(totalMicros, 1000, 0, out nanoseconds);
    }

    /// <summary><c>whole * unit + part</c>, false instead of an overflow (a timestamp of 2^63 ns or more is no timestamp).</summary>
    private static bool TryScale(long whole, long unit, long part, out long value)
    {
        value = 0;
        if (whole > (long.MaxValue - part) / unit)
            return false;
        value = whole * unit + part;
        return true;
    }

    private static bool TryParseDigits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            return false;
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }
}
