using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Immutable;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// Reads <c>key=value</c> fields out of an event payload as printed by the kernel or by trace-cmd.
/// A value ends at a space, comma or closing parenthesis; <c>{…}</c> and <c>ARRAY[…]</c> values end at their bracket.
/// </summary>
public static class PayloadFields
{
    /// <summary>Finds the value of <paramref name="key"/>; the key must start the payload or follow a space, comma or parenthesis.</summary>
    public static bool TryGet(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        var from = 0;
        while (from < payload.Length)
        {
            var at = payload[from..].IndexOf(key);
            if (at < 0)
                break;
            at += from;
            var valueStart = at + key.Length;
            var startsToken = at == 0 || payload[at - 1] is (byte)' ' or (byte)',' or (byte)'(';
            if (startsToken && valueStart < payload.Length && payload[valueStart] == (byte)'=')
            {
                value = ValueAt(payload[(valueStart + 1)..]);
                return true;
            }
            from = at + 1;
        }
        value = default;
        return false;
    }

    /// <summary>Like <see cref="TryGet"/> but accepts either of two spellings (kernel text vs trace-cmd field name).</summary>
    public static bool TryGet(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> key, ReadOnlySpan<byte> alternateKey, out ReadOnlySpan<byte> value) =>
        TryGet(payload, key, out value) || TryGet(payload, alternateKey, out value);

    private static ReadOnlySpan<byte> ValueAt(ReadOnlySpan<byte> rest)
    {
        if (rest.StartsWith("{"u8) || rest.StartsWith("ARRAY["u8))
        {
            var close = rest.IndexOfAny((byte)'}', (byte)']');
            return close < 0 ? rest : rest[..(close + 1)];
        }
        var end = rest.IndexOfAny(" ,)"u8);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>Parses a number printed as <c>0x…</c> hex or as (possibly negative) decimal; negative values wrap as the kernel's u64 would.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> text, out ulong value)
    {
        if (text.StartsWith("0x"u8) || text.StartsWith("0X"u8))
            return TryParseHex(text[2..], out value);
        if (text.StartsWith("-"u8))
        {
            var ok = Utf8Parser.TryParse(text, out long signed, out var used) && used == text.Length;
            value = unchecked((ulong)signed);
            return ok;
        }
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    /// <summary>Parses bare hexadecimal digits (the kernel's <c>%llx</c>), with or without a <c>0x</c> prefix.</summary>
    public static bool TryParseHex(ReadOnlySpan<byte> text, out ulong value)
    {
        if (text.StartsWith("0x"u8))
            text = text[2..];
        return Utf8Parser.TryParse(text, out value, out var consumed, 'x') && consumed == text.Length && text.Length > 0;
    }

    /// <summary>Parses <c>{0x1,0x2}</c> (kernel) or <c>ARRAY[00, 72, …]</c> (trace-cmd's little-endian bytes) into elements of <paramref name="elementBytes"/>.</summary>
    public static bool TryParseArray(ReadOnlySpan<byte> text, int elementBytes, out ImmutableArray<ulong> values)
    {
        values = default;
        if (text.StartsWith("{"u8) && text.EndsWith("}"u8))
            return TryParseBraceList(text[1..^1], out values);
        if (text.StartsWith("ARRAY["u8) && text.EndsWith("]"u8))
            return TryParseByteArray(text[6..^1], elementBytes, out values);
        return false;
    }

    /// <summary>Parses trace-cmd's <c>ARRAY[..]</c> rendering into its raw bytes.</summary>
    public static bool TryParseBytes(ReadOnlySpan<byte> list, out byte[] bytes)
    {
        var result = new List<byte>(list.Length / 4 + 1);
        foreach (var range in list.Split((byte)','))
        {
            var item = list[range].Trim((byte)' ');
            if (item.IsEmpty)
                continue;
            if (!Utf8Parser.TryParse(item, out byte b, out var used, 'x') || used != item.Length)
            {
                bytes = [];
                return false;
            }
            result.Add(b);
        }
        bytes = [.. result];
        return true;
    }

    private static bool TryParseBraceList(ReadOnlySpan<byte> list, out ImmutableArray<ulong> values)
    {
        var builder = ImmutableArray.CreateBuilder<ulong>();
        foreach (var range in list.Split((byte)','))
        {
            var item = list[range].Trim((byte)' ');
            if (item.IsEmpty)
                continue;
            if (!TryParseNumber(item, out var number))
            {
                values = default;
                return false;
            }
            builder.Add(number);
        }
        values = builder.ToImmutable();
        return true;
    }

    private static bool TryParseByteArray(ReadOnlySpan<byte> list, int elementBytes, out ImmutableArray<ulong> values)
    {
        values = default;
        if (!TryParseBytes(list, out var bytes) || bytes.Length % elementBytes != 0)
            return false;
        var builder = ImmutableArray.CreateBuilder<ulong>(bytes.Length / elementBytes);
        for (var i = 0; i < bytes.Length; i += elementBytes)
        {
            var element = bytes.AsSpan(i, elementBytes);
            builder.Add(elementBytes == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(element) : BinaryPrimitives.ReadUInt32LittleEndian(element));
        }
        values = builder.MoveToImmutable();
        return true;
    }
}
